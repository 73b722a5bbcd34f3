"""A small engine for token grammars kept in rule files.

A text is cut into tokens once; every token gets one tag, a single character, from an ordered
table of tests (the first test it passes names it).  Patterns are regular expressions over the
tag names written in angle brackets (``<title> <def>* <name>+``), with macros in braces; they
are compiled, as NLTK's RegexpParser compiles chunk rules, into one regular expression over the
string of one character per token.  Its alternatives are tried in the order written, and the
first that matches names the pattern that fired.
"""
from dataclasses import dataclass

import regex


@dataclass(slots=True)
class Token:
    """What a tag's tests read of a token."""
    text: str       # as written
    key: str        # normalized, without punctuation ("" for a mark)


def _all(tests):
    """One predicate for an entry's tests (most entries have one or two)."""
    if not tests:
        return lambda tok: True
    if len(tests) == 1:
        return tests[0]
    if len(tests) == 2:
        a, b = tests
        return lambda tok: a(tok) and b(tok)
    return lambda tok: all(t(tok) for t in tests)


class Tags:
    """The ordered tag table: ``[{tag: name, sym: char, <test>: value, ...}]``.  ``tests`` maps a
    test's name to a factory ``value -> predicate(token)``; a token takes the symbol of the first
    entry whose every test it passes.

    ``index``: (a test's name, a function of the token giving the value that test compares), so
    that the token's value is computed once and only the entries that test allows (or that do not
    use it) are tried: one lexicon lookup a word, not one an entry."""

    def __init__(self, table, tests, index=None):
        self.entries = []
        self.sym = {}
        self.index_test, self.index_of = index if index else (None, None)
        for entry in table:
            name, sym = entry["tag"], entry["sym"]
            if len(sym) != 1:
                raise ValueError(f"tag {name}: its symbol must be one character, not {sym!r}")
            unknown = [k for k in entry if k not in ("tag", "sym") and k not in tests]
            if unknown:
                raise ValueError(f"tag {name}: unknown test {unknown[0]!r}")
            allowed = entry.get(self.index_test) if self.index_test else None
            allowed = None if allowed is None else {allowed} if isinstance(allowed, str) else set(allowed)
            conds = [tests[k](v) for k, v in entry.items() if k not in ("tag", "sym", self.index_test)]
            self.entries.append((sym, _all(conds), allowed))
            self.sym[name] = self.sym.get(name, "") + sym
        self._for_value = {}

    def _entries(self, value):
        found = self._for_value.get(value)
        if found is None:
            found = self._for_value[value] = [(sym, test) for sym, test, allowed in self.entries
                                              if allowed is None or value in allowed]
        return found

    def tag(self, token):
        value = self.index_of(token) if self.index_of else None
        for sym, test in self._entries(value):
            if test(token):
                return sym
        raise ValueError(f"no tag fits {token.text!r}: the table needs a last entry with no test")


_TAG_REF = regex.compile(r"(?<!\?P)<([\w-]+)>")
_MACRO_REF = regex.compile(r"\{([^\W\d][\w-]*)\}")


class Grammar:
    """Named patterns over tags, compiled into one regular expression."""

    def __init__(self, tags, sets, macros, patterns):
        self.tags = tags
        classes = dict(tags.sym)
        for name, members in (sets or {}).items():
            classes[name] = "".join(classes[m] for m in members)
        self.classes = classes
        self.macros = macros or {}
        self.names = []
        branches = []
        for i, p in enumerate(patterns):
            self.names.append(p)
            # (an empty group closes each branch: the one that matched names the pattern)
            branches.append(f"(?:{self._expand(patterns[p]['match'], 0)})(?P<_{i}>)")
        self.patterns = patterns
        self.regex = regex.compile("|".join(branches))
        self._ends = [self.regex.groupindex[f"_{i}"] for i in range(len(self.names))]
        self._last = 0

    def _expand(self, pattern, depth):
        if depth > 20:
            raise ValueError(f"macros nest too deep in {pattern!r}")
        pattern = _MACRO_REF.sub(lambda m: "(?:" + self._expand(self.macros[m.group(1)], depth + 1) + ")", pattern)

        def cls(m):
            name = m.group(1)
            neg = name.startswith("not-")
            chars = self.classes[name[4:] if neg else name]
            return "[" + ("^" if neg else "") + regex.escape(chars) + "]"
        return "".join(_TAG_REF.sub(cls, pattern).split())

    def match(self, symbols, pos=0):
        """(pattern name, its spec, the match) of the first pattern matching at ``pos``, or None."""
        m = self.regex.match(symbols, pos)
        if m is None:
            return None
        end = m.end()
        i = self._last      # (the pattern that fired last time is looked at first: most mentions share one)
        if m.start(self._ends[i]) != end:
            i = self._last = next(k for k, g in enumerate(self._ends) if m.start(g) == end)
        name = self.names[i]
        return name, self.patterns[name], m

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


@dataclass(frozen=True)
class Token:
    text: str       # as written
    start: int
    end: int
    key: str        # normalized, without punctuation
    tag: str = ""   # the tag's character


class Tags:
    """The ordered tag table: ``[{tag: name, sym: char, <test>: value, ...}]``.  ``tests`` maps a
    test's name to a factory ``value -> predicate(token)``; a token takes the symbol of the first
    entry whose every test it passes."""

    def __init__(self, table, tests):
        self.entries = []
        self.sym = {}
        for entry in table:
            name, sym = entry["tag"], entry["sym"]
            if len(sym) != 1:
                raise ValueError(f"tag {name}: its symbol must be one character, not {sym!r}")
            unknown = [k for k in entry if k not in ("tag", "sym") and k not in tests]
            if unknown:
                raise ValueError(f"tag {name}: unknown test {unknown[0]!r}")
            conds = [tests[k](v) for k, v in entry.items() if k not in ("tag", "sym")]
            self.entries.append((sym, conds))
            self.sym[name] = self.sym.get(name, "") + sym

    def tag(self, token):
        for sym, conds in self.entries:
            if all(test(token) for test in conds):
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
            branches.append(f"(?P<p{i}>{self._expand(patterns[p]['match'], 0)})")
        self.patterns = patterns
        self.regex = regex.compile("|".join(branches), regex.VERSION1)

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
        i = int(m.lastgroup[1:]) if m.lastgroup and m.lastgroup.startswith("p") else \
            next(k for k in range(len(self.names)) if m.group(f"p{k}") is not None)
        name = self.names[i]
        return name, self.patterns[name], m

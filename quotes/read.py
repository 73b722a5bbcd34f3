"""Read articles from JSON Lines (optionally gzipped), plain text, HTML pages or folders.

Every reader yields ``(article, None)`` for each article it could read and ``(None, Problem)``
for each thing it had to skip, so that a bad line or file is reported and never stops the run.
Each file is read inside a guard of its own, and each line of a JSON Lines file inside another:
a reader's unexpected failure (a missing library, a bug) is one more reported skip.
"""
import gzip
import json
import os
from dataclasses import dataclass

ARTICLE_FIELDS = ("id", "source", "title", "text", "url", "published")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".ndjson", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
#: the largest article read, in megabytes of UTF-8 text (title and body): extraction holds a few
#: copies of an article in memory, and a 20 MB line took 788 MB
DEFAULT_MAX_MB = 5.0


@dataclass
class Problem:
    """Something that was skipped, and why."""
    path: str
    where: str
    reason: str
    kind: str = "unreadable"        # how the summary line counts it

    def __str__(self):
        return f"{self.path}{':' + self.where if self.where else ''}: {self.reason}"


def _decode(data, path):
    """Decode UTF-8, or say at which byte it broke."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        return None, Problem(path, f"byte {e.start}", f"invalid UTF-8 ({e.reason})")


def _looks_binary(data):
    return b"\x00" in data[:8192]


def read_jsonl(path):
    """Articles of a JSON Lines file; a broken line is reported with its number and skipped."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            lineno = 0
            offset = 0
            for raw in f:
                lineno += 1
                line_offset, offset = offset, offset + len(raw)
                if not raw.strip():
                    continue
                try:
                    art, problem = _jsonl_line(raw, path, lineno, line_offset)
                except Exception as e:       # a bug must not cost the other lines
                    art, problem = None, Problem(path, f"line {lineno}", f"not read ({type(e).__name__}: {e})")
                yield art, problem
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield None, Problem(path, "", f"unreadable ({e})")


def _jsonl_line(raw, path, lineno, line_offset):
    where = f"line {lineno}"
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, Problem(path, where, f"invalid UTF-8 at byte {line_offset + e.start} ({e.reason}); line skipped")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return None, Problem(path, where, f"not JSON ({e})")
    art, problem = article_from_json(obj, path, where)
    if art is not None:
        art["_bytes"], art["_where"] = len(raw), where
    return art, problem


def article_from_json(obj, path, where):
    if not isinstance(obj, dict):
        return None, Problem(path, where, "not a JSON object", "not an article")
    aid = obj.get("id")
    if aid is None or aid == "":
        return None, Problem(path, where, "missing field 'id'", "not an article")
    if not isinstance(aid, str):      # 123 and "123" would be one article; an object its repr
        return None, Problem(path, where, f"the id must be a JSON string, not {_json_kind(aid)} "
                                          f"({json.dumps(aid, ensure_ascii=False)[:60]})", "not an article")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return None, Problem(path, where, f"article {aid}: missing field 'text'", "not an article")
    art = {k: obj.get(k) for k in ARTICLE_FIELDS}
    art["text"] = text
    art["title"] = obj.get("title") if isinstance(obj.get("title"), str) else ""
    art["source"] = obj.get("source") if isinstance(obj.get("source"), str) else None
    art["date_extracted"] = obj.get("date_extracted")
    return art, None


def _json_kind(value):
    return {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def read_text(path):
    """A plain-text article: first line the outlet, the rest the body; the id is the file's stem."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        yield None, Problem(path, "", f"unreadable ({e.strerror or e})")
        return
    if not data.strip():
        yield None, Problem(path, "", "empty file")
        return
    if _looks_binary(data):
        yield None, Problem(path, "", "binary file, not text")
        return
    text, problem = _decode(data, path)
    if problem:
        yield None, problem
        return
    text = text.replace("\r\n", "\n")
    source, _, body = text.partition("\n")
    if not body.strip():
        yield None, Problem(path, "", "no body after the outlet line")
        return
    stem = os.path.basename(path)
    for suffix in TEXT_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    yield {"id": stem, "source": source.strip() or None, "title": "", "text": body, "url": None,
           "published": None, "date_extracted": None, "_bytes": len(data)}, None


def read_html(path):
    """An HTML page: main text, title, site name, date and URL taken with trafilatura."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        yield None, Problem(path, "", f"unreadable ({e.strerror or e})")
        return
    if not data.strip():
        yield None, Problem(path, "", "empty file")
        return
    import trafilatura
    try:
        doc = trafilatura.bare_extraction(data.decode("utf-8", errors="replace"), with_metadata=True)
    except Exception as e:  # trafilatura raises many kinds on broken markup
        yield None, Problem(path, "", f"HTML not parsed ({type(e).__name__})")
        return
    if doc is None:
        yield None, Problem(path, "", "HTML page with no main text")
        return
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    text = get("text") or ""
    if not text.strip():
        yield None, Problem(path, "", "HTML page with no main text")
        return
    stem = os.path.splitext(os.path.basename(path))[0]
    yield {"id": stem, "source": get("sitename") or get("hostname"), "title": get("title") or "",
           "text": text, "url": get("url"), "published": get("date"), "date_extracted": None,
           "_bytes": len(data)}, None


def reader_for(path):
    """The reader for one file, by its name (None for a file of another kind)."""
    name = path.lower()
    if name.endswith(JSONL_SUFFIXES):
        return read_jsonl
    if name.endswith(TEXT_SUFFIXES):
        return read_text
    if name.endswith(HTML_SUFFIXES):
        return read_html
    return None


def _files(paths):
    """(file, reader) for every file to read, in order, folders walked in sorted order (files
    of other kinds in a folder are left alone); ``(None, Problem)`` for a path that cannot be read."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for n in sorted(names):
                    f = os.path.join(root, n)
                    reader = reader_for(f)
                    if reader is not None:
                        yield f, reader
        elif not os.path.exists(path):
            yield None, Problem(path, "", "no such file or folder", "no such file")
        elif reader_for(path) is None:
            yield None, Problem(path, "", "not a kind of file quotes reads (it reads .jsonl, .jsonl.gz, .json, "
                                          ".ndjson, .txt, .html and .htm)", "not an article file")
        else:
            yield path, reader_for(path)


def input_bytes(paths):
    """Total size of the files ``read_paths`` would read (for a progress bar)."""
    total = 0
    for f, _ in _files(paths):
        if f is not None:
            try:
                total += os.path.getsize(f)
            except OSError:          # a link loop or a vanished file: reported when it is read
                pass
    return total


def read_paths(paths, max_mb=DEFAULT_MAX_MB):
    """Articles of files and folders, in order, each with the file it came from (``_path``);
    articles over ``max_mb`` megabytes of text are skipped with a reason."""
    max_bytes = int(max_mb * 1_000_000)
    for f, reader in _files(paths):
        if f is None:
            yield None, reader
            continue
        try:
            for article, problem in reader(f):
                if article is not None:
                    article["_path"] = f
                    problem = _too_large(article, max_bytes)
                    if problem:
                        article = None
                yield article, problem
        except Exception as e:       # a reader's crash (a missing library, a bug): this file only
            yield None, Problem(f, "", f"not read ({type(e).__name__}: {e}); the rest of the file skipped")


def _too_large(article, max_bytes):
    """A Problem when the article's title and text are over ``max_bytes`` of UTF-8."""
    chars = len(article["text"]) + len(article.get("title") or "")
    if chars * 4 <= max_bytes:       # (UTF-8 takes at most 4 bytes a character)
        return None
    if chars <= max_bytes and sum(len((article.get(k) or "").encode("utf-8", "surrogatepass"))
                                  for k in ("title", "text")) <= max_bytes:
        return None
    return Problem(article["_path"], article.get("_where", ""),
                   f"article {article['id']}: {chars:,} characters, over the limit of {max_bytes / 1e6:g} MB "
                   f"of text (--max-article-mb)", "too large")

"""Read articles from JSON Lines (optionally gzipped), plain text, HTML pages or folders.

Every reader yields ``(article, None)`` for each article it could read and ``(None, Problem)``
for each thing it had to skip, so that a bad line or file is reported and never stops the run.
"""
import gzip
import json
import os
from dataclasses import dataclass

ARTICLE_FIELDS = ("id", "source", "title", "text", "url", "published")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".ndjson", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")


@dataclass
class Problem:
    """Something that was skipped, and why."""
    path: str
    where: str
    reason: str

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
                    line = raw.decode("utf-8-sig")
                except UnicodeDecodeError as e:
                    yield None, Problem(path, f"line {lineno}",
                                        f"invalid UTF-8 at byte {line_offset + e.start} ({e.reason}); line skipped")
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as e:
                    yield None, Problem(path, f"line {lineno}", f"not JSON ({e.msg})")
                    continue
                art, problem = _article(obj, path, f"line {lineno}")
                if art is not None:
                    art["_bytes"] = len(raw)
                yield art, problem
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield None, Problem(path, "", f"unreadable ({e})")


def _article(obj, path, where):
    if not isinstance(obj, dict):
        return None, Problem(path, where, "not a JSON object")
    if obj.get("id") in (None, ""):
        return None, Problem(path, where, "missing field 'id'")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        if not (isinstance(obj.get("title"), str) and obj["title"].strip()):
            return None, Problem(path, where, f"article {obj['id']}: missing field 'text'")
        text = ""
    art = {k: obj.get(k) for k in ARTICLE_FIELDS}
    art["id"] = str(obj["id"])
    art["text"] = text
    art["title"] = obj.get("title") if isinstance(obj.get("title"), str) else ""
    art["source"] = obj.get("source") if isinstance(obj.get("source"), str) else None
    art["date_extracted"] = obj.get("date_extracted")
    return art, None


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


def input_bytes(paths):
    """Total size of the files ``read_paths`` would read (for a progress bar)."""
    total = 0
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                total += sum(os.path.getsize(os.path.join(root, n)) for n in names
                             if reader_for(os.path.join(root, n)) is not None)
        elif os.path.isfile(path):
            total += os.path.getsize(path)
    return total


def read_paths(paths):
    """Articles of files and folders, in order; folders are walked in sorted order."""
    for path in paths:
        if os.path.isdir(path):
            files = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                files.extend(os.path.join(root, n) for n in sorted(names))
            for f in files:
                reader = reader_for(f)
                if reader is not None:
                    yield from reader(f)
        elif not os.path.exists(path):
            yield None, Problem(path, "", "no such file or folder")
        else:
            reader = reader_for(path) or read_text
            yield from reader(path)

"""A small HTML tree for the chrome-mutation suite: parse a page with Python's html.parser, edit the tree, write it back.

The mutations re-wrap a page's own content in another chrome, so they need the page's structure (its body, its
title heading, its headings) rather than string edits on the source. html.parser is forgiving like a browser:
unclosed elements are closed when an ancestor closes, stray end tags are ignored, void elements have no children.
"""
import html
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
RAW = {"script", "style"}  # their text is written back as it was read


class Node:
    """An element (tag set) or a piece of text, comment or declaration (tag None, kind says which)."""

    def __init__(self, tag=None, attrs=None, text="", kind="element"):
        self.tag = tag
        self.attrs = list(attrs or [])
        self.children = []
        self.text = text
        self.kind = "element" if tag else (kind if kind != "element" else "text")
        self.parent = None

    def append(self, child):
        child.parent = self
        self.children.append(child)
        return child

    def insert(self, index, child):
        child.parent = self
        self.children.insert(index, child)
        return child

    def iter(self):
        """This node and every node below it, in document order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def find(self, tag):
        return next((n for n in self.iter() if n.tag == tag), None)

    def text_content(self):
        return "".join(n.text for n in self.iter() if n.kind == "text")


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = self.stack[-1].append(Node(tag, attrs))
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].append(Node(tag, attrs))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].append(Node(text=data, kind="text"))

    def handle_comment(self, data):
        self.stack[-1].append(Node(text=data, kind="comment"))

    def handle_decl(self, decl):
        self.stack[-1].append(Node(text=decl, kind="decl"))

    def handle_pi(self, data):
        self.stack[-1].append(Node(text=data, kind="pi"))


def parse(text):
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root


def element(tag, attrs=None, *children):
    """A new element; children are nodes or strings (text)."""
    node = Node(tag, attrs)
    for c in children:
        node.append(Node(text=c, kind="text") if isinstance(c, str) else c)
    return node


def _attrs(attrs):
    return "".join(f" {k}" if v is None else f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs)


def serialize(node, raw=False):
    if node.kind == "text":
        return node.text if raw else html.escape(node.text, quote=False)
    if node.kind == "comment":
        return f"<!--{node.text}-->"
    if node.kind == "decl":
        return f"<!{node.text}>"
    if node.kind == "pi":
        return f"<?{node.text}>"
    inner = "".join(serialize(c, raw or node.tag in RAW) for c in node.children)
    if node.tag == "#document":
        return inner
    if node.tag in VOID:
        return f"<{node.tag}{_attrs(node.attrs)}>"
    return f"<{node.tag}{_attrs(node.attrs)}>{inner}</{node.tag}>"

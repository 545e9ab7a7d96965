# Type stubs for the occkit Python package (python/occkit/__init__.py over python/occkit_module.cpp), installed in
# it. The dict shapes are the JSON mapping of the canonical document (docs/json.md, schemas/occupation.schema.json).
import datetime
from typing import Any, Optional, Union

__version__: str

class Error(Exception):
    """An occkit library error."""

    code: str  # "convert", "read-xml", "validate", "diff", "stale", "argument", "record"
    path: Optional[str]  # the url or file name given, when any
    record: Optional[str]  # the page record's id, when the error is about one

class Profile:
    """A canonical occupation profile (schemas/occupation.xsd)."""

    def to_xml(self) -> str: ...
    def to_json(self, *, pretty: bool = True) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def source(self) -> dict[str, Any]: ...
    @property
    def codes(self) -> list[dict[str, Any]]: ...
    @property
    def sections(self) -> list[dict[str, Any]]: ...
    @property
    def dates(self) -> list[dict[str, Any]]: ...
    @property
    def wages(self) -> list[dict[str, Any]]: ...

class Finding:
    """One finding of validate()."""

    rule: str
    severity: str  # "info", "warning" or "error"
    message: str
    file: str
    xml_line: int
    source_line: int
    subject: str

class Diff:
    """What changed between two profiles."""

    @property
    def identical(self) -> bool: ...
    def to_json(self, old_label: str = "", new_label: str = "") -> str: ...
    def to_text(self) -> str: ...

def convert(
    data: Union[bytes, str],
    *,
    url: Optional[str] = None,
    layout: Optional[str] = None,
    input_format: str = "auto",
) -> Profile: ...
def read_xml(xml: Union[bytes, str]) -> Profile: ...
def validate(xml: Union[bytes, str, Profile], *, file: str = "<string>") -> list[Finding]: ...
def diff(a: Union[Profile, str, bytes], b: Union[Profile, str, bytes]) -> Diff: ...
def stale(
    profile: Union[Profile, str, bytes],
    *,
    as_of: Union[None, str, datetime.date] = None,
    policy: Optional[str] = None,
) -> dict[str, Any]: ...
def convert_record(line: Union[bytes, str]) -> str: ...
def layouts() -> list[dict[str, str]]: ...

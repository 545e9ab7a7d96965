"""occkit: scraped Canadian career-profile pages to canonical occupation profiles (XML, JSON).

The work is done by the C++ library through the extension occkit._occkit (python/occkit_module.cpp). The functions
are wrapped here in plain Python so that they pickle by name: dask, Spark and multiprocessing send functions to their
workers that way, and pybind11's own function objects cannot be pickled. Profile and Finding pickle too (a Profile as
its canonical XML, which is lossless).
"""
from . import _occkit
from ._occkit import Diff, Error, Finding, Profile, __version__

__all__ = ["Diff", "Error", "Finding", "Profile", "convert", "convert_record", "diff", "layouts", "read_xml",
           "stale", "validate"]

for _cls in (Diff, Error, Finding, Profile):
    _cls.__module__ = __name__  # occkit.Profile, as the user spells it (and as pickle finds it)


def convert(data, *, url=None, layout=None, input_format="auto"):
    return _occkit.convert(data, url=url, layout=layout, input_format=input_format)


def read_xml(xml):
    return _occkit.read_xml(xml)


def validate(xml, *, file="<string>"):
    return _occkit.validate(xml, file=file)


def diff(a, b):
    return _occkit.diff(a, b)


def stale(profile, *, as_of=None, policy=None):
    return _occkit.stale(profile, as_of=as_of, policy=policy)


def convert_record(line):
    return _occkit.convert_record(line)


def layouts():
    return _occkit.layouts()


for _name in ("convert", "read_xml", "validate", "diff", "stale", "convert_record", "layouts"):
    globals()[_name].__doc__ = getattr(_occkit, _name).__doc__
del _cls, _name

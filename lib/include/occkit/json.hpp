/// @file
/// JSON forms of the canonical document: the lossless JSON mapping (described by schemas/occupation.schema.json),
/// its reader, and a schema.org `Occupation` in JSON-LD.
#pragma once

#include "occkit/api.hpp"

#include <string>
#include <string_view>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

/// pretty: two-space indent, one member per line, a final newline. compact: the whole document on one line with a
/// final newline, which is one record of NDJSON (every newline inside a string is escaped).
enum class JsonStyle { pretty, compact };

/// The canonical document as JSON: one key per XML element or attribute, in schema order (see docs/json.md).
/// The profile is first repaired exactly as write_xml repairs it, so write_xml(read_json(write_json(p))) ==
/// write_xml(p) for every profile, and the output always validates against occupation_json_schema() when the XML
/// validates against the XSD. Amounts are JSON numbers spelt as in the XML; dates stay ISO 8601 strings.
std::string write_json(const Profile& profile, JsonStyle style = JsonStyle::pretty);

/// Read the JSON mapping back (untrusted input). Throws occkit::Error "<JSON path>: reason" for malformed JSON,
/// unknown or duplicate keys, wrong types, missing required keys and characters XML cannot hold. As read_xml does,
/// values the model keeps as strings (jurisdiction, code scheme, ...) are not checked against their vocabularies:
/// that is the schema's job.
Profile read_json(std::string_view json);

/// A schema.org `Occupation` (https://schema.org/Occupation) holding only what the page states: see docs/json.md
/// for the property mapping.
std::string write_jsonld(const Profile& profile, JsonStyle style = JsonStyle::pretty);

/// The bundled schemas/occupation.schema.json text (JSON Schema 2020-12).
std::string_view occupation_json_schema();

OCCKIT_END_NAMESPACE

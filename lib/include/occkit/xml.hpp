/// @file
/// Canonical XML (namespace urn:occkit:occupation:1): writing, reading, and XSD validation.
#pragma once

#include "occkit/api.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "occkit/profile.hpp"

OCCKIT_BEGIN_NAMESPACE

inline constexpr std::string_view occupation_namespace =
    "urn:occkit:occupation:1";                             ///< XML namespace of canonical documents
inline constexpr std::string_view schema_version = "1.0";  ///< the `version` attribute canonical documents carry

/// Canonical form: fixed element order, two-space indent, UTF-8, LF; the same profile always gives the same bytes.
std::string write_xml(const Profile& profile);

/// Receives a canonical document piece by piece, in order.
using XmlSink = std::function<void(std::string_view piece)>;

/// The bytes of write_xml(profile), handed to `sink` in pieces of about 64 KiB, so that a huge profile's document is
/// never held whole (peak memory). An exception from the sink ends the writing and propagates.
void write_xml(const Profile& profile, const XmlSink& sink);

/// Read canonical XML (untrusted: no DTD, no entities beyond the predefined five, no network).
/// Throws occkit::Error naming the line on malformed XML or on elements outside the schema's vocabulary: exactly the
/// documents `occkit validate` (Validator) reports as not-well-formed or schema, and no others. Thread-safe.
Profile read_xml(std::string_view xml);

/// Does a file hold canonical XML (to be read) rather than a page (to be converted)? Yes when it is named *.xml (any
/// case), or, whatever its name (standard input has none), when it starts with markup and declares the occupation
/// namespace near its start. A page never declares it; a broken or hostile canonical document still does, so it is
/// refused by read_xml rather than taken for a page.
bool is_canonical_xml(std::string_view bytes, std::string_view path = {});

/// The bundled schemas/occupation.xsd text.
std::string_view occupation_xsd();

/// One XSD violation: where, and libxml2's message.
struct SchemaIssue {
    int line = 0;         ///< line in the document (0 when unknown)
    std::string message;  ///< libxml2's message, one line
};

/// XSD validation with libxml2. The schema is compiled once; validate() is safe to call from several threads.
class SchemaValidator {
public:
    SchemaValidator();                                    ///< the bundled occupation schema
    explicit SchemaValidator(std::string_view xsd_text);  ///< any schema text
    ~SchemaValidator();
    SchemaValidator(const SchemaValidator&) = delete;
    SchemaValidator& operator=(const SchemaValidator&) = delete;

    /// Empty when valid. Malformed XML gives one issue with the parser's message.
    std::vector<SchemaIssue> validate(std::string_view xml) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

OCCKIT_END_NAMESPACE

// The one verdict on canonical XML, shared by `validate` and every reader (read_xml, and through it stale, diff and
// export), so that a document validate passes is one every command reads, and one validate calls not-well-formed
// or schema-invalid is one every command refuses. The verdict is libxml2's streaming parse with the untrusted
// options of xml_safe.hpp, the XSD of schemas/occupation.xsd, and the constraints canonical XML adds to both: UTF-8
// only (no UTF-16/32, no other declared encoding), no DOCTYPE, sections nested at most max_section_depth deep.
// Defined in validate.cpp, beside the single streaming pass it is.
#pragma once

#include <optional>
#include <string_view>

#include "occkit/profile.hpp"
#include "occkit/xml.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

// Deeper section nesting than any page has; the limit keeps hostile documents from exhausting a reader's stack.
inline constexpr int max_section_depth = 100;

struct CanonicalProblem {
    SchemaIssue issue;
    bool not_well_formed = false;  // else a schema problem
};

// The first reason the document is not canonical XML (what validate reports as not-well-formed or schema), or
// nullopt. Thread-safe.
std::optional<CanonicalProblem> canonical_xml_problem(std::string_view xml);

// Canonical XML is UTF-8: a UTF-16/32 byte order mark, or a declaration naming another encoding, is a problem on
// line 1 ("encoding 'ISO-8859-1' is not supported; canonical XML is UTF-8").
std::optional<SchemaIssue> encoding_problem(std::string_view xml);

// read_xml without the verdict, for a caller that has it already (validate). Throws occkit::Error "line N: ...".
Profile read_xml_unchecked(std::string_view xml);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE

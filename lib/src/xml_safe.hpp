// Parsing untrusted XML with libxml2: no entity substitution, no DTD loading, no network, bounded depth.
// The one place that decides these options; use it for every libxml2 XML parse.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string_view>
#include <vector>

#include "occkit/xml.hpp"

namespace occkit::detail {

struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Call once before any libxml2 use (idempotent, thread-safe).
void init_libxml();

// nullptr on malformed input; parser messages are appended to `issues` when given.
XmlDoc parse_untrusted_xml(std::string_view xml, std::vector<SchemaIssue>* issues = nullptr);

}  // namespace occkit::detail

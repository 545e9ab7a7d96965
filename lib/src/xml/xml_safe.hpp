// Parsing untrusted XML with libxml2: no entity substitution, no DTD loading, no network, bounded depth.
// The one place that decides these options; use it for every libxml2 XML parse.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <string_view>
#include <vector>

#include "occkit/xml.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Call once before any libxml2 use (idempotent, thread-safe).
void init_libxml();

// nullptr on malformed input; parser messages are appended to `issues` when given.
XmlDoc parse_untrusted_xml(std::string_view xml, std::vector<SchemaIssue>* issues = nullptr);

struct XmlParserFree {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
using XmlParser = std::unique_ptr<xmlParserCtxt, XmlParserFree>;

// The same parse as parse_untrusted_xml, streamed to SAX2 `handler` (called with `user_data`) instead of building a
// tree: for one-pass work such as streaming XSD validation. Run it with xmlParseDocument; afterwards wellFormed says
// whether the document was, and xmlCtxtGetLastError gives the first error. nullptr for an empty document, one over
// 2 GiB, or no memory.
XmlParser new_untrusted_sax_parser(std::string_view xml, const xmlSAXHandler& handler, void* user_data);

struct XmlSchemaFree {
    void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};
using XmlSchema = std::unique_ptr<xmlSchema, XmlSchemaFree>;

// Compile XSD text once; the result is read-only and may serve validation contexts on several threads.
// Throws occkit::Error "the schema does not compile: <first problem>".
XmlSchema compile_schema(std::string_view xsd_text);

// A libxml2 structured-error callback that appends to the std::vector<SchemaIssue> given as its context (at most
// 100 issues; the message without its trailing newline).
void collect_xml_issue(void* issues, xmlErrorPtr err);

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE

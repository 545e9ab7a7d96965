#include "xml/xml_safe.hpp"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <cstdint>
#include <mutex>
#include <string>

#include "occkit/error.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {
// XML_PARSE_NONET: no network. No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD,
// no XML_PARSE_HUGE (keeps libxml2's depth and size limits). NONBLANKS off: text is kept as written.
constexpr int untrusted_options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
}  // namespace

void collect_xml_issue(void* ctx, xmlErrorPtr err) {
    auto* issues = static_cast<std::vector<SchemaIssue>*>(ctx);
    if (!issues || !err || issues->size() >= 100) return;
    std::string msg = err->message ? err->message : "malformed XML";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    issues->push_back({err->line, msg});
}

void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

XmlDoc parse_untrusted_xml(std::string_view xml, std::vector<SchemaIssue>* issues) {
    init_libxml();
    if (xml.size() > static_cast<std::size_t>(INT32_MAX)) {
        if (issues) issues->push_back({0, "document larger than 2 GiB"});
        return nullptr;
    }
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) return nullptr;
    xmlDocPtr doc =
        xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8", untrusted_options);
    if (!doc && issues && issues->empty()) {
        xmlErrorPtr err = xmlCtxtGetLastError(ctxt);
        if (err) collect_xml_issue(issues, err);
    }
    xmlFreeParserCtxt(ctxt);
    return XmlDoc(doc);
}

XmlParser new_untrusted_sax_parser(std::string_view xml, const xmlSAXHandler& handler, void* user_data) {
    init_libxml();
    if (xml.empty() || xml.size() > static_cast<std::size_t>(INT32_MAX)) return nullptr;
    XmlParser parser(xmlCreateMemoryParserCtxt(xml.data(), static_cast<int>(xml.size())));
    if (!parser) return nullptr;
    *parser->sax = handler;  // the context owns its handler block; the options below adjust the copy
    parser->userData = user_data;
    // The bytes are UTF-8 whatever they declare, as for parse_untrusted_xml; read as they are (no converter copying
    // them first), with the declaration's encoding ignored.
    xmlCtxtUseOptions(parser.get(), untrusted_options | XML_PARSE_IGNORE_ENC);
    xmlSwitchEncoding(parser.get(), XML_CHAR_ENCODING_UTF8);
    return parser;
}

XmlSchema compile_schema(std::string_view xsd_text) {
    init_libxml();
    std::vector<SchemaIssue> issues;
    xmlSchemaParserCtxtPtr context = xmlSchemaNewMemParserCtxt(xsd_text.data(), static_cast<int>(xsd_text.size()));
    if (!context) throw Error("cannot create the XSD parser");
    xmlSchemaSetParserStructuredErrors(context, collect_xml_issue, &issues);
    XmlSchema schema(xmlSchemaParse(context));
    xmlSchemaFreeParserCtxt(context);
    if (!schema)
        throw Error("the schema does not compile: " +
                    (issues.empty() ? std::string("unknown error") : issues[0].message));
    return schema;
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE

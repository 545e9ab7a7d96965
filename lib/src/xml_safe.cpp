#include "xml_safe.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <cstdint>
#include <mutex>
#include <string>

namespace occkit::detail {

namespace {
void collect(void* ctx, xmlErrorPtr err) {
    auto* issues = static_cast<std::vector<SchemaIssue>*>(ctx);
    if (!issues || !err || issues->size() >= 100) return;
    std::string msg = err->message ? err->message : "malformed XML";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    issues->push_back({err->line, msg});
}
}  // namespace

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
    // XML_PARSE_NONET: no network. No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD,
    // no XML_PARSE_HUGE (keeps libxml2's depth and size limits). NONBLANKS off: text is kept as written.
    int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8", options);
    if (!doc && issues && issues->empty()) {
        xmlErrorPtr err = xmlCtxtGetLastError(ctxt);
        if (err) collect(issues, err);
    }
    xmlFreeParserCtxt(ctxt);
    return XmlDoc(doc);
}

}  // namespace occkit::detail

// XSD validation with libxml2: the schema is compiled once; each validate() call gets its own validation context,
// so one SchemaValidator can serve several threads.
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <mutex>

#include "occkit/error.hpp"
#include "occkit/xml.hpp"
#include "support/resources.hpp"
#include "xml/xml_safe.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

std::string_view occupation_xsd() { return resources::schema("occupation.xsd"); }

struct SchemaValidator::Impl {
    detail::XmlSchema schema;
};

namespace {

struct IssueSink {
    std::vector<SchemaIssue>* issues;
    std::size_t limit = 1000;
};

void collect_structured(void* ctx, xmlErrorPtr err) {
    auto* sink = static_cast<IssueSink*>(ctx);
    if (!err || sink->issues->size() >= sink->limit) return;
    std::string msg = err->message ? err->message : "unknown error";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    sink->issues->push_back({err->line, msg});
}

}  // namespace

SchemaValidator::SchemaValidator() : SchemaValidator(occupation_xsd()) {}

SchemaValidator::SchemaValidator(std::string_view xsd_text) : impl_(std::make_unique<Impl>()) {
    impl_->schema = detail::compile_schema(xsd_text);
}

SchemaValidator::~SchemaValidator() = default;

std::vector<SchemaIssue> SchemaValidator::validate(std::string_view xml) const {
    std::vector<SchemaIssue> issues;
    IssueSink sink{&issues};
    detail::XmlDoc doc = detail::parse_untrusted_xml(xml, &issues);
    if (!doc) {
        if (issues.empty()) issues.push_back({0, "not well-formed XML"});
        return issues;
    }
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(impl_->schema.get());
    if (!vctx) throw Error("cannot create an XSD validation context");
    xmlSchemaSetValidStructuredErrors(vctx, collect_structured, &sink);
    int rc = xmlSchemaValidateDoc(vctx, doc.get());
    xmlSchemaFreeValidCtxt(vctx);
    if (rc != 0 && issues.empty()) issues.push_back({0, "the document does not match the schema"});
    return issues;
}

OCCKIT_END_IMPL_NAMESPACE

// Layout files: loading (checked against schemas/layout.xsd), the built-in set, and detection.
#include <pugixml.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

#include "layout_rules.hpp"
#include "occkit/error.hpp"
#include "occkit/layout.hpp"
#include "occkit/xml.hpp"
#include "resources.hpp"

namespace occkit {

bool Matcher::matches(std::string_view folded, std::string_view text) const {
    switch (mode) {
        case Mode::exact: return folded == key;
        case Mode::prefix: return folded.starts_with(key);
        case Mode::contains: return folded.find(key) != std::string_view::npos;
        case Mode::regex: return regex->search(text);
    }
    return false;
}

const HeadingRule* LayoutRules::heading_for(std::string_view folded, std::string_view text) const {
    for (const auto& h : headings)
        if (h.matcher.matches(folded, text)) return &h;
    return nullptr;
}

DateRule::Attach LayoutRules::attach_for(DateKind kind) const {
    for (const auto& d : dates)
        if (d.kind == kind) return d.attach;
    switch (kind) {  // defaults when the layout says nothing
        case DateKind::revised: return DateRule::Attach::closes;
        case DateKind::updated: return DateRule::Attach::opens;
        case DateKind::data_year:
        case DateKind::period: return DateRule::Attach::section;
        default: return DateRule::Attach::page;
    }
}

Layout::Layout(std::shared_ptr<const LayoutRules> rules) : rules_(std::move(rules)) {}
const std::string& Layout::id() const { return rules_->id; }
const std::string& Layout::name() const { return rules_->name; }
const std::string& Layout::jurisdiction() const { return rules_->jurisdiction; }
const std::string& Layout::language() const { return rules_->language; }

namespace {

Matcher make_matcher(std::string_view pattern, std::string_view mode) {
    Matcher m;
    if (mode == "regex") {
        m.mode = Matcher::Mode::regex;
        m.regex = std::make_shared<detail::Regex>(pattern, true);
        return m;
    }
    m.mode = mode == "prefix" ? Matcher::Mode::prefix : mode == "contains" ? Matcher::Mode::contains : Matcher::Mode::exact;
    m.key = fold_key(pattern);
    return m;
}

Matcher matcher_of(const pugi::xml_node& n) {
    return make_matcher(n.text().as_string(), n.attribute("match").as_string("exact"));
}

void read_detect(const pugi::xml_node& node, LayoutRules& r) {
    r.threshold = node.attribute("threshold").as_int(3);
    for (auto s : node.children("signature")) {
        Signature sig;
        sig.matcher = matcher_of(s);
        sig.weight = s.attribute("weight").as_int(1);
        std::string_view in = s.attribute("in").as_string("text");
        sig.in = in == "html-title" ? Signature::In::html_title : in == "label" ? Signature::In::label : Signature::In::text;
        r.signatures.push_back(std::move(sig));
    }
}

void read_fields(const pugi::xml_node& node, LayoutRules& r) {
    for (auto f : node.children("field")) {
        FieldRule fr;
        fr.label_text = f.attribute("label").as_string();
        fr.label = make_matcher(fr.label_text, f.attribute("match").as_string("exact"));
        std::string_view to = f.attribute("to").as_string();
        fr.to = to == "alternate-titles" ? FieldRule::To::alternate_titles
                : to == "codes"          ? FieldRule::To::codes
                : to == "title"          ? FieldRule::To::title
                                         : FieldRule::To::fact;
        fr.name = f.attribute("name").as_string();
        fr.split = f.attribute("split").as_string();
        fr.scheme = f.attribute("scheme").as_string();
        fr.version = f.attribute("version").as_string();
        if (auto cp = f.attribute("code-pattern")) fr.code_pattern = std::make_shared<detail::Regex>(cp.as_string(), true);
        std::string_view on = f.attribute("value-on").as_string("same-line");
        fr.value_on = on == "next-line" ? FieldRule::ValueOn::next_line
                      : on == "items"   ? FieldRule::ValueOn::items
                                        : FieldRule::ValueOn::same_line;
        fr.join = f.attribute("join").as_string();
        fr.abbreviate = f.attribute("abbreviate").as_bool(false);
        if (fr.to == FieldRule::To::fact && fr.name.empty())
            throw Error("field '" + fr.label_text + "' goes to a fact but has no name");
        r.fields.push_back(std::move(fr));
    }
}

void read_headings(const pugi::xml_node& node, LayoutRules& r) {
    r.short_line_headings = node.attribute("short-lines").as_bool(false);
    for (auto h : node.children("heading")) {
        HeadingRule hr;
        hr.matcher = matcher_of(h);
        hr.kind = h.attribute("kind").as_string();
        hr.parent = h.attribute("parent").as_string();
        hr.parent_heading = h.attribute("parent-heading").as_string();
        hr.items = h.attribute("items").as_string();
        if (!hr.parent.empty() && hr.parent_heading.empty())
            throw Error("heading '" + std::string(h.text().as_string()) + "' names a parent but no parent-heading");
        r.headings.push_back(std::move(hr));
    }
}

void read_dates(const pugi::xml_node& node, LayoutRules& r) {
    for (auto d : node.children("date")) {
        DateRule dr;
        dr.kind = date_kind_from_string(d.attribute("kind").as_string()).value_or(DateKind::revised);
        std::string_view a = d.attribute("attach").as_string();
        dr.attach = a == "closes"    ? DateRule::Attach::closes
                    : a == "opens"   ? DateRule::Attach::opens
                    : a == "page"    ? DateRule::Attach::page
                                     : DateRule::Attach::section;
        r.dates.push_back(dr);
    }
}

std::shared_ptr<LayoutRules> parse_layout(std::string_view xml, const std::string& origin) {
    static const SchemaValidator validator(resources::schema("layout.xsd"));
    auto issues = validator.validate(xml);
    if (!issues.empty())
        throw Error(origin + ":" + std::to_string(issues[0].line) + ": not a valid layout file: " + issues[0].message);
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8))
        throw Error(origin + ": not well-formed XML");
    auto root = doc.child("layout");
    auto r = std::make_shared<LayoutRules>();
    try {
        r->id = root.attribute("id").as_string();
        r->name = root.attribute("name").as_string();
        r->jurisdiction = root.attribute("jurisdiction").as_string();
        r->language = root.attribute("language").as_string();
        r->inherit_generic_headings = root.attribute("inherit-generic-headings").as_bool(true);
        if (auto n = root.child("detect")) read_detect(n, *r);
        if (auto n = root.child("title")) {
            std::string_view from = n.attribute("from").as_string("first-line");
            r->title.from = from == "line-before" ? TitleRule::From::line_before
                            : from == "none"      ? TitleRule::From::none
                                                  : TitleRule::From::first_line;
            r->title.before = fold_key(n.attribute("before").as_string());
            r->title.max_words = n.attribute("max-words").as_int(14);
        }
        if (auto n = root.child("intro"))
            r->intro = {n.attribute("kind").as_string("overview"), n.attribute("heading").as_string("Overview")};
        for (auto l : root.child("chrome").children("line")) r->chrome.push_back(matcher_of(l));
        if (auto n = root.child("fields")) read_fields(n, *r);
        if (auto n = root.child("headings")) read_headings(n, *r);
        if (auto n = root.child("outline"))
            r->outline = OutlineRule{n.attribute("separator").as_string("|"), n.attribute("min-parts").as_int(3)};
        for (auto n : root.children("infer")) {
            bool on_date = std::string_view(n.attribute("when").as_string()) == "opening-date";
            r->infers.push_back({on_date ? InferRule::When::opening_date : InferRule::When::money,
                                 n.attribute("kind").as_string(), n.attribute("heading").as_string(),
                                 n.attribute("gap").as_int(2)});
        }
        if (auto n = root.child("dates")) read_dates(n, *r);
    } catch (const Error& e) {
        throw Error(origin + ": " + e.what());
    }
    return r;
}

}  // namespace

void LayoutSet::add_xml(std::string_view xml, const std::string& origin) {
    Layout layout(parse_layout(xml, origin));
    auto same = std::find_if(layouts_.begin(), layouts_.end(), [&](const Layout& l) { return l.id() == layout.id(); });
    if (same != layouts_.end())
        *same = std::move(layout);
    else
        layouts_.push_back(std::move(layout));
}

void LayoutSet::add_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read the layout file");
    std::ostringstream ss;
    ss << in.rdbuf();
    add_xml(ss.str(), path);
}

const LayoutSet& LayoutSet::builtin() {
    static const LayoutSet set = [] {
        LayoutSet s;
        for (const auto& res : resources::layouts()) s.add_xml(res.text, std::string("built-in layout ") + std::string(res.name));
        if (!s.find("generic")) throw Error("the built-in generic layout is missing");
        return s;
    }();
    return set;
}

const Layout* LayoutSet::find(std::string_view id) const {
    for (const auto& l : layouts_)
        if (l.id() == id) return &l;
    return nullptr;
}

const Layout& LayoutSet::generic() const {
    if (const Layout* g = find("generic")) return *g;
    return *LayoutSet::builtin().find("generic");
}

namespace {

// Blocks looked at for detection: signatures sit near the top or bottom of a page, and a bound keeps detection
// cheap on huge inputs.
constexpr std::size_t detection_block_limit = 2000;

int score(const LayoutRules& r, const Document& doc, const std::vector<std::string>& folded, const std::string& title_key) {
    int total = 0;
    for (const auto& sig : r.signatures) {
        bool hit = false;
        if (sig.in == Signature::In::html_title) {
            hit = !doc.html_title.empty() && sig.matcher.matches(title_key, doc.html_title);
        } else {
            for (std::size_t i = 0; i < folded.size() && !hit; ++i) {
                const Block& b = doc.blocks[i];
                if (sig.in == Signature::In::label) {
                    hit = b.kind == BlockKind::label_value ? sig.matcher.matches(fold_key(b.label), b.label)
                                                          : sig.matcher.matches(folded[i], b.text);
                } else {
                    hit = sig.matcher.matches(folded[i], b.text);
                }
            }
        }
        if (hit) total += sig.weight;
    }
    return total;
}

}  // namespace

std::vector<std::string> fold_keys(const std::vector<Block>& blocks) {
    std::vector<std::string> keys;
    keys.reserve(blocks.size());
    for (const auto& b : blocks) keys.push_back(fold_key(b.text));
    return keys;
}

Detection LayoutSet::detect(const Document& doc) const { return detect_folded(*this, doc, fold_keys(doc.blocks)); }

Detection detect_folded(const LayoutSet& set, const Document& doc, const std::vector<std::string>& keys) {
    const std::vector<std::string> folded(keys.begin(),
                                          keys.begin() + static_cast<std::ptrdiff_t>(std::min(keys.size(), detection_block_limit)));
    std::string title_key = fold_key(doc.html_title);

    Detection d;
    int best_score = 0;
    for (const auto& layout : set.layouts()) {
        const auto& r = layout.rules();
        if (r.signatures.empty()) continue;
        int s = score(r, doc, folded, title_key);
        if (s == 0) continue;
        int possible = 0;
        for (const auto& sig : r.signatures) possible += sig.weight;
        double confidence = std::min(1.0, static_cast<double>(s) / std::max(possible, 1) * 1.5);
        d.candidates.push_back({layout.id(), confidence});
        if (s >= r.threshold && s > best_score) {
            best_score = s;
            d.layout = layout.id();
            d.confidence = confidence;
        }
    }
    std::stable_sort(d.candidates.begin(), d.candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.confidence > b.confidence; });
    if (d.layout.empty()) {
        d.layout = "generic";
        double best_other = d.candidates.empty() ? 0.0 : d.candidates.front().confidence;
        d.confidence = 1.0 - best_other / 2;
    }
    return d;
}

}  // namespace occkit

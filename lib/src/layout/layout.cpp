// Layout files: loading (checked against schemas/layout.xsd), the built-in set, and detection.
#include "occkit/layout.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <pugixml.hpp>

#include "layout/layout_rules.hpp"
#include "occkit/error.hpp"
#include "occkit/io.hpp"
#include "occkit/xml.hpp"
#include "support/regex_deferral.hpp"
#include "support/resources.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

bool Matcher::matches(std::string_view folded, std::string_view text) const {
    switch (mode) {
        case Mode::exact:
            return folded == key;
        case Mode::prefix:
            return folded.starts_with(key);
        case Mode::contains:
            return folded.find(key) != std::string_view::npos;
        case Mode::regex:
            return regex->search(text);
        case Mode::repeated:
            return detail::is_repetition(text);
    }
    return false;
}

namespace {
// The k-th matcher of a list, as MatcherIndex asks for it.
auto line_matcher(const std::vector<Matcher>& lines) {
    return [&lines](std::size_t k) -> const Matcher& { return lines[k]; };
}
auto heading_matcher(const std::vector<HeadingRule>& headings) {
    return [&headings](std::size_t k) -> const Matcher& { return headings[k].matcher; };
}
}  // namespace

const HeadingRule* LayoutRules::heading_for(std::string_view folded, std::string_view text, bool label_value) const {
    std::size_t k = heading_index.first(heading_matcher(headings), folded, text, !label_value);
    return k == MatcherIndex::none ? nullptr : &headings[k];
}

bool LayoutRules::lists_chrome(std::string_view folded, std::string_view text) const {
    return chrome_index.first(line_matcher(chrome), folded, text) != MatcherIndex::none;
}

bool LayoutRules::lists_furniture(std::string_view folded, std::string_view text) const {
    return furniture_index.first(line_matcher(furniture), folded, text) != MatcherIndex::none;
}

void LayoutRules::index_matchers() {
    heading_index.build(headings.size(), heading_matcher(headings));
    chrome_index.build(chrome.size(), line_matcher(chrome));
    furniture_index.build(furniture.size(), line_matcher(furniture));
}

namespace {
bool is_word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80; }
}  // namespace

// Keywords are whole words or phrases ("pay" is not in "pays"); one ending in '*' is a stem ("licens*"). The
// heading's first subject decides ("Academic and Licensing Requirements" is education); at one place, the keyword
// listed first.
const std::string* LayoutRules::keyword_kind(std::string_view folded) const {
    const std::string* best = nullptr;
    std::size_t best_at = std::string_view::npos;
    for (const auto& [keyword, kind] : keywords) {
        bool stem = keyword.ends_with('*');
        std::string_view word = stem ? std::string_view(keyword).substr(0, keyword.size() - 1) : keyword;
        for (std::size_t at = folded.find(word); at != std::string_view::npos && at < best_at;
             at = folded.find(word, at + 1)) {
            std::size_t end = at + word.size();
            bool starts = at == 0 || !is_word_byte(static_cast<unsigned char>(folded[at - 1]));
            bool ends = stem || end == folded.size() || !is_word_byte(static_cast<unsigned char>(folded[end]));
            if (starts && ends) {
                best = &kind;
                best_at = at;
                break;
            }
        }
    }
    return best;
}

DateRule::Attach LayoutRules::attach_for(DateKind kind) const {
    for (const auto& d : dates)
        if (d.kind == kind) return d.attach;
    switch (kind) {  // defaults when the layout says nothing
        case DateKind::revised:
            return DateRule::Attach::closes;
        case DateKind::updated:
            return DateRule::Attach::opens;
        case DateKind::data_year:
        case DateKind::period:
            return DateRule::Attach::section;
        default:
            return DateRule::Attach::page;
    }
}

Layout::Layout(std::shared_ptr<const LayoutRules> rules) : rules_(std::move(rules)) {}
const std::string& Layout::id() const { return rules_->id; }
const std::string& Layout::name() const { return rules_->name; }
const std::string& Layout::jurisdiction() const { return rules_->jurisdiction; }
const std::string& Layout::language() const { return rules_->language; }

namespace {

std::shared_ptr<detail::Regex> regex_of(std::string_view pattern, const LayoutRules& r) {
    return std::make_shared<detail::Regex>(pattern, true, r.origin);
}

Matcher make_matcher(std::string_view pattern, std::string_view mode, const LayoutRules& r) {
    Matcher m;
    if (mode == "regex") {
        m.mode = Matcher::Mode::regex;
        m.regex = regex_of(pattern, r);
        return m;
    }
    m.mode = mode == "prefix"     ? Matcher::Mode::prefix
             : mode == "contains" ? Matcher::Mode::contains
             : mode == "repeated" ? Matcher::Mode::repeated
                                  : Matcher::Mode::exact;
    m.key = fold_key(pattern);
    return m;
}

Matcher matcher_of(const pugi::xml_node& n, const LayoutRules& r) {
    return make_matcher(n.text().as_string(), n.attribute("match").as_string("exact"), r);
}

// A regex that must match the whole text.
std::shared_ptr<detail::Regex> whole_line_regex(std::string_view pattern, const LayoutRules& r) {
    return regex_of("^(?:" + std::string(pattern) + ")$", r);
}

void read_title(const pugi::xml_node& n, LayoutRules& r) {
    std::string_view from = n.attribute("from").as_string("first-line");
    r.title.from = from == "line-before" ? TitleRule::From::line_before
                   : from == "best-line" ? TitleRule::From::best_line
                   : from == "none"      ? TitleRule::From::none
                                         : TitleRule::From::first_line;
    r.title.before = fold_key(n.attribute("before").as_string());
    r.title.max_words = n.attribute("max-words").as_int(14);
    if (auto p = n.attribute("pattern")) r.title.patterns.push_back(regex_of(p.as_string(), r));
    for (auto p : n.children("pattern")) r.title.patterns.push_back(regex_of(p.text().as_string(), r));
    r.title.scheme = n.attribute("scheme").as_string("NOC");
    r.title.version = n.attribute("version").as_string();
    r.title.fact = n.attribute("fact").as_string();
}

void read_mentions(const pugi::xml_node& node, LayoutRules& r) {
    for (auto m : node.children()) {
        MentionRule rule;
        rule.to = std::string_view(m.name()) == "fact" ? MentionRule::To::fact : MentionRule::To::code;
        std::string_view in = m.attribute("in").as_string("content");
        rule.in = in == "title" ? MentionRule::In::title
                  : in == "any" ? MentionRule::In::any
                                : MentionRule::In::content;
        rule.pattern = regex_of(m.attribute("pattern").as_string(), r);
        rule.scheme = m.attribute("scheme").as_string("NOC");
        rule.version = m.attribute("version").as_string();
        rule.name = m.attribute("name").as_string();
        r.mentions.push_back(std::move(rule));
    }
}

void read_tables(const pugi::xml_node& node, LayoutRules& r) {
    for (auto p : node.children("pairs")) {
        PairRule rule;
        rule.key = whole_line_regex(p.attribute("key").as_string(), r);
        rule.value = whole_line_regex(p.attribute("value").as_string(), r);
        rule.value_first = std::string_view(p.attribute("order").as_string("key-value")) == "value-key";
        r.tables.pairs.push_back(std::move(rule));
    }
    if (auto d = node.child("doubled")) {
        r.tables.doubled = true;
        if (auto h = d.attribute("header")) r.tables.header = whole_line_regex(h.as_string(), r);
    }
    r.tables.header_wages = static_cast<bool>(node.child("header-wages"));
}

InferRule::When infer_when(std::string_view when) {
    if (when == "opening-date") return InferRule::When::opening_date;
    if (when == "gap") return InferRule::When::gap;
    if (when == "match") return InferRule::When::match;
    if (when == "lead-in") return InferRule::When::lead_in;
    return InferRule::When::money;
}

void read_infer(const pugi::xml_node& n, LayoutRules& r) {
    InferRule rule;
    rule.when = infer_when(n.attribute("when").as_string());
    rule.kind = n.attribute("kind").as_string();
    rule.heading = n.attribute("heading").as_string();
    rule.gap = n.attribute("gap").as_int(2);
    if (auto p = n.attribute("pattern"))
        rule.pattern = regex_of(p.as_string(), r);
    else if (rule.when == InferRule::When::lead_in)
        rule.pattern = regex_of(":$", r);
    if (rule.when == InferRule::When::match && !rule.pattern)
        throw Error("infer '" + rule.heading + "' with when=\"match\" needs a pattern");
    r.infers.push_back(std::move(rule));
}

void read_detect(const pugi::xml_node& node, LayoutRules& r) {
    r.threshold = node.attribute("threshold").as_int(3);
    for (auto s : node.children("signature")) {
        Signature sig;
        sig.matcher = matcher_of(s, r);
        sig.weight = s.attribute("weight").as_int(1);
        std::string_view in = s.attribute("in").as_string("text");
        sig.in = in == "html-title" ? Signature::In::html_title
                 : in == "label"    ? Signature::In::label
                                    : Signature::In::text;
        r.signatures.push_back(std::move(sig));
    }
}

void read_fields(const pugi::xml_node& node, LayoutRules& r) {
    for (auto f : node.children("field")) {
        FieldRule fr;
        fr.label_text = f.attribute("label").as_string();
        fr.label = make_matcher(fr.label_text, f.attribute("match").as_string("exact"), r);
        std::string_view to = f.attribute("to").as_string();
        fr.to = to == "alternate-titles" ? FieldRule::To::alternate_titles
                : to == "codes"          ? FieldRule::To::codes
                : to == "title"          ? FieldRule::To::title
                                         : FieldRule::To::fact;
        fr.name = f.attribute("name").as_string();
        fr.split = f.attribute("split").as_string();
        fr.scheme = f.attribute("scheme").as_string();
        fr.version = f.attribute("version").as_string();
        if (auto cp = f.attribute("code-pattern")) fr.code_pattern = regex_of(cp.as_string(), r);
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
        hr.matcher = matcher_of(h, r);
        hr.kind = h.attribute("kind").as_string();
        hr.parent = h.attribute("parent").as_string();
        hr.parent_heading = h.attribute("parent-heading").as_string();
        hr.items = h.attribute("items").as_string();
        hr.level = h.attribute("level").as_int(0);
        hr.holds_list = std::string_view(h.attribute("holds").as_string()) == "list";
        if (!hr.parent.empty() && hr.parent_heading.empty())
            throw Error("heading '" + std::string(h.text().as_string()) + "' names a parent but no parent-heading");
        r.headings.push_back(std::move(hr));
    }
    for (auto k : node.children("keyword"))
        r.keywords.emplace_back(fold_key(k.text().as_string()), k.attribute("kind").as_string());
}

void read_dates(const pugi::xml_node& node, LayoutRules& r) {
    for (auto d : node.children("date")) {
        DateRule dr;
        dr.kind = date_kind_from_string(d.attribute("kind").as_string()).value_or(DateKind::revised);
        std::string_view a = d.attribute("attach").as_string();
        dr.attach = a == "closes"  ? DateRule::Attach::closes
                    : a == "opens" ? DateRule::Attach::opens
                    : a == "page"  ? DateRule::Attach::page
                                   : DateRule::Attach::section;
        r.dates.push_back(dr);
    }
}

// A layout file from outside is checked against schemas/layout.xsd first. The built-in ones are not: they are the
// project's own data, checked against the schema (and their patterns compiled) by a test
// (LayoutFiles.BuiltInOnesValidate); checking them at every start was a sixth of the program's start-up.
enum class SchemaCheck { check, trusted };

void check_layout_schema(std::string_view xml, const std::string& origin) {
    static const SchemaValidator validator(resources::schema("layout.xsd"));
    auto issues = validator.validate(xml);
    if (!issues.empty())
        throw Error(origin + ":" + std::to_string(issues[0].line) + ": not a valid layout file: " + issues[0].message);
}

std::shared_ptr<LayoutRules> parse_layout(std::string_view xml, const std::string& origin, SchemaCheck schema) {
    if (schema == SchemaCheck::check) check_layout_schema(xml, origin);
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8))
        throw Error(origin + ": not well-formed XML");
    auto root = doc.child("layout");
    auto r = std::make_shared<LayoutRules>();
    r->origin = origin;
    try {
        r->id = root.attribute("id").as_string();
        r->name = root.attribute("name").as_string();
        r->jurisdiction = root.attribute("jurisdiction").as_string();
        r->language = root.attribute("language").as_string();
        r->inherit_generic_headings = root.attribute("inherit-generic-headings").as_bool(true);
        if (auto n = root.child("detect")) read_detect(n, *r);
        if (auto n = root.child("title")) read_title(n, *r);
        if (auto n = root.child("intro"))
            r->intro = {n.attribute("kind").as_string("overview"), n.attribute("heading").as_string("Overview")};
        for (auto l : root.child("chrome").children("line")) r->chrome.push_back(matcher_of(l, *r));
        for (auto l : root.child("furniture").children("line")) r->furniture.push_back(matcher_of(l, *r));
        for (auto l : root.child("unglue").children("split"))
            r->splits.push_back({regex_of("^(?:" + std::string(l.attribute("pattern").as_string()) + ")", *r)});
        if (auto n = root.child("fields")) read_fields(n, *r);
        if (auto n = root.child("mentions")) read_mentions(n, *r);
        if (auto n = root.child("headings")) read_headings(n, *r);
        if (auto n = root.child("outline"))
            r->outline = OutlineRule{n.attribute("separator").as_string("|"), n.attribute("min-parts").as_int(3)};
        for (auto n : root.children("infer")) read_infer(n, *r);
        if (auto n = root.child("tables")) read_tables(n, *r);
        if (auto n = root.child("dates")) read_dates(n, *r);
    } catch (const Error& e) {
        throw Error(origin + ": " + e.what());
    }
    r->index_matchers();
    return r;
}

// A layout with the id of one already in the set replaces it.
void add_or_replace(std::vector<Layout>& layouts, Layout layout) {
    auto same = std::find_if(layouts.begin(), layouts.end(), [&](const Layout& l) { return l.id() == layout.id(); });
    if (same != layouts.end())
        *same = std::move(layout);
    else
        layouts.push_back(std::move(layout));
}

}  // namespace

void LayoutSet::add_xml(std::string_view xml, const std::string& origin) {
    add_or_replace(layouts_, Layout(parse_layout(xml, origin, SchemaCheck::check)));
}

void LayoutSet::add_file(const std::string& path) { add_xml(read_input(path, max_side_file_bytes), path); }

const LayoutSet& LayoutSet::builtin() {
    static const LayoutSet set = [] {
        LayoutSet s;
        const detail::DeferRegexCompilation deferred;  // most of their patterns are never reached in a run
        for (const auto& res : resources::layouts())
            add_or_replace(s.layouts_, Layout(parse_layout(res.text, "built-in layout " + std::string(res.name),
                                                           SchemaCheck::trusted)));
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

// No fallback to the built-in generic layout: a caller that chose its layouts gets only those (occkit/layout.hpp).
const Layout& LayoutSet::generic() const {
    if (const Layout* g = find("generic")) return *g;
    throw Error("the layout set has no generic layout");
}

namespace {

// Blocks looked at for detection: signatures sit near the top or bottom of a page, and a bound keeps detection
// cheap on huge inputs.
constexpr std::size_t detection_block_limit = 2000;

// The page's lines prepared once, so that a signature costs one look-up or one search over the page rather than one
// test per block: the folded lines sorted (exact and prefix signatures are a binary search), and joined (a contains
// signature is one substring search), and every line's text in ASCII lower case, joined, for the literal a regex
// signature's matches must contain.
struct PageLines {
    std::vector<std::string_view> sorted;
    std::string folded;
    std::string lower;

    PageLines(const Document& doc, const std::vector<std::string_view>& keys) {
        sorted.assign(keys.begin(), keys.end());
        std::sort(sorted.begin(), sorted.end());
        std::size_t key_bytes = 0, text_bytes = 0;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            key_bytes += keys[i].size() + 1;
            text_bytes += doc.blocks[i].text.size() + 1;
        }
        folded.reserve(key_bytes);
        lower.reserve(text_bytes);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            (folded += keys[i]) += '\n';
            std::size_t from = lower.size();
            (lower += doc.blocks[i].text) += '\n';
            for (std::size_t k = from; k < lower.size(); ++k)
                if (lower[k] >= 'A' && lower[k] <= 'Z') lower[k] = static_cast<char>(lower[k] - 'A' + 'a');
        }
    }

    // Whether any line matches a non-regex matcher.
    bool any_folded(const Matcher& m) const {
        switch (m.mode) {
            case Matcher::Mode::exact:
                return std::binary_search(sorted.begin(), sorted.end(), m.key);
            case Matcher::Mode::prefix: {
                auto it = std::lower_bound(sorted.begin(), sorted.end(), std::string_view(m.key));
                return it != sorted.end() && it->starts_with(m.key);
            }
            case Matcher::Mode::contains:
                return detail::contains(folded, m.key);
            case Matcher::Mode::regex:
            case Matcher::Mode::repeated:
                return true;
        }
        return true;
    }

    // False when no line can match the regex (its required literal is nowhere on the page).
    bool may_match(const detail::Regex& re) const {
        return re.literal().empty() || detail::contains(lower, re.literal());
    }
};

bool text_signature_hits(const Signature& sig, const Document& doc, const std::vector<std::string_view>& folded,
                         const PageLines& page) {
    if (sig.matcher.mode != Matcher::Mode::regex) return page.any_folded(sig.matcher);
    if (!page.may_match(*sig.matcher.regex)) return false;
    for (std::size_t i = 0; i < folded.size(); ++i)
        if (!folded[i].empty() && sig.matcher.regex->search(doc.blocks[i].text)) return true;
    return false;
}

bool label_signature_hits(const Signature& sig, const Document& doc, const std::vector<std::string_view>& folded) {
    for (std::size_t i = 0; i < folded.size(); ++i) {
        const Block& b = doc.blocks[i];
        if (folded[i].empty()) continue;
        bool hit = b.kind == BlockKind::label_value ? sig.matcher.matches(fold_key(b.label), b.label)
                                                    : sig.matcher.matches(folded[i], b.text);
        if (hit) return true;
    }
    return false;
}

int score(const LayoutRules& r, const Document& doc, const std::vector<std::string_view>& folded, const PageLines& page,
          const std::string& title_key) {
    int total = 0;
    for (const auto& sig : r.signatures) {
        bool hit = false;
        switch (sig.in) {
            case Signature::In::html_title:
                hit = !doc.html_title.empty() && sig.matcher.matches(title_key, doc.html_title);
                break;
            case Signature::In::label:
                hit = label_signature_hits(sig, doc, folded);
                break;
            case Signature::In::text:
                hit = text_signature_hits(sig, doc, folded, page);
                break;
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
    // Signatures weigh the page's content, not its furniture: a redesigned chrome (menus, sidebars, a footer) must
    // neither hide the site nor make another site's words count. Blocks the markup marks as furniture are blank.
    // Views of the keys, not copies: detection runs on every page.
    std::vector<std::string_view> folded(
        keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(std::min(keys.size(), detection_block_limit)));
    for (std::size_t i = 0; i < folded.size(); ++i)
        if (doc.blocks[i].region != Region::content) folded[i] = {};
    std::string title_key = fold_key(doc.html_title);
    const PageLines page(doc, folded);

    Detection d;
    int best_score = 0;
    for (const auto& layout : set.layouts()) {
        const auto& r = layout.rules();
        if (r.signatures.empty()) continue;
        int s = score(r, doc, folded, page, title_key);
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
    if (d.layout.empty() && set.find("generic")) {
        d.layout = "generic";
        double best_other = d.candidates.empty() ? 0.0 : d.candidates.front().confidence;
        d.confidence = 1.0 - best_other / 2;
    }
    return d;
}

OCCKIT_END_IMPL_NAMESPACE

// schema.org Occupation in JSON-LD (docs/json.md has the property table). Only what the page states goes in:
// a property whose source is absent is left out, and wages whose meaning schema.org cannot express (averages,
// starting and top wages, amounts of unknown measure) are not forced into one it can.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/canonical.hpp"
#include "json/json_writer.hpp"
#include "occkit/json.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

using detail::JsonWriter;

// --- text of sections ---

void append_content_text(const Content& content, std::vector<std::string>& out) {
    switch (content.kind) {
        case Content::Kind::paragraph:
            out.push_back(content.paragraph.text);
            break;
        case Content::Kind::list:
            for (const ListItem& item : content.items) out.push_back(item.text);
            break;
        case Content::Kind::table:
            for (const TableRow& row : content.rows) {
                std::string line;
                for (const std::string& cell : row.cells)
                    if (!cell.empty()) line += (line.empty() ? "" : " | ") + cell;
                if (!line.empty()) out.push_back(std::move(line));
            }
            break;
    }
}

void append_section_text(const Section& section, std::vector<std::string>& out) {
    for (const Content& content : section.content) append_content_text(content, out);
    for (const Section& subsection : section.subsections) append_section_text(subsection, out);
}

// Paragraphs, list items and table rows of every section of one of `kinds`, subsections included, in page order.
// A matching section is taken whole, so its subsections are not searched (and counted) again.
void collect_text(const std::vector<Section>& sections, std::initializer_list<std::string_view> kinds,
                  std::vector<std::string>& out) {
    for (const Section& section : sections) {
        if (std::find(kinds.begin(), kinds.end(), section.kind) != kinds.end())
            append_section_text(section, out);
        else
            collect_text(section.subsections, kinds, out);
    }
}

std::vector<std::string> section_text(const Profile& profile, std::initializer_list<std::string_view> kinds) {
    std::vector<std::string> out;
    collect_text(profile.sections, kinds, out);
    return out;
}

void write_strings(JsonWriter& json, std::string_view name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    json.key(name).begin_array();
    for (const std::string& value : values) json.string(value);
    json.end_array();
}

void write_description(JsonWriter& json, const Profile& profile) {
    std::string description;
    for (const std::string& text : section_text(profile, {"overview"}))
        description += (description.empty() ? "" : "\n") + text;
    if (!description.empty()) json.key("description").string(description);
}

// The page's minimum-education fact first, then the education sections.
void write_education(JsonWriter& json, const Profile& profile) {
    std::vector<std::string> requirements;
    for (const Fact& fact : profile.facts)
        if (fact.name == "minimum-education" && !fact.value.empty()) requirements.push_back(fact.value);
    collect_text(profile.sections, {"education"}, requirements);
    write_strings(json, "educationRequirements", requirements);
}

// --- classification codes ---

void write_categories(JsonWriter& json, const Profile& profile) {
    bool open = false;
    for (const Code& code : profile.codes) {
        if (code.scheme == "NAICS") continue;  // an industry, not an occupation
        if (!open) json.key("occupationalCategory").begin_array();
        open = true;
        json.begin_object();
        json.key("@type").string("CategoryCode");
        json.key("codeValue").string(code.value);
        if (!code.label.empty()) json.key("name").string(code.label);
        json.key("inCodeSet").begin_object();
        json.key("@type").string("CategoryCodeSet");
        json.key("name").string(detail::code_subject(code));
        json.end_object();
        json.end_object();
    }
    if (open) json.end_array();
}

// --- wages ---

// One MonetaryAmountDistribution: the page's minimum, maximum and median for one period, currency and data year
// within one section (or the page's own wages). Low / Median / High lines fill one distribution.
struct Distribution {
    const void* group = nullptr;
    WagePer per = WagePer::year;
    std::string currency;
    std::string data_year;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> median;
};

// What a wage says in schema.org terms; all empty when schema.org has no property for its measure.
Distribution amounts_of(const Wage& wage) {
    Distribution amounts;
    const std::optional<double>& single = wage.value;
    switch (wage.measure) {
        case WageMeasure::range:
            amounts.min = wage.min;
            amounts.max = wage.max;
            break;
        case WageMeasure::minimum:
            amounts.min = single ? single : wage.min;
            break;
        case WageMeasure::maximum:
            amounts.max = single ? single : wage.max;
            break;
        case WageMeasure::median:
            amounts.median = single;
            break;
        default:
            break;
    }
    return amounts;
}

bool fits_into(const Distribution& amounts, const Distribution& target) {
    return amounts.group == target.group && amounts.per == target.per && amounts.currency == target.currency &&
           amounts.data_year == target.data_year && !(amounts.min && target.min) && !(amounts.max && target.max) &&
           !(amounts.median && target.median);
}

void add_wage(const Wage& wage, const void* group, std::vector<Distribution>& distributions) {
    Distribution amounts = amounts_of(wage);
    if (!amounts.min && !amounts.max && !amounts.median) return;
    amounts.group = group;
    amounts.per = wage.per;
    amounts.currency = wage.currency;
    amounts.data_year = wage.data_year;
    if (distributions.empty() || !fits_into(amounts, distributions.back())) {
        distributions.push_back(std::move(amounts));
        return;
    }
    Distribution& target = distributions.back();
    if (amounts.min) target.min = amounts.min;
    if (amounts.max) target.max = amounts.max;
    if (amounts.median) target.median = amounts.median;
}

void add_section_wages(const Section& section, std::vector<Distribution>& distributions) {
    for (const Wage& wage : section.wages) add_wage(wage, &section, distributions);
    for (const Section& subsection : section.subsections) add_section_wages(subsection, distributions);
}

std::string_view iso_duration(WagePer per) {
    switch (per) {
        case WagePer::hour:
            return "PT1H";
        case WagePer::week:
            return "P1W";
        case WagePer::month:
            return "P1M";
        case WagePer::year:
            return "P1Y";
    }
    return "P1Y";
}

void write_amount(JsonWriter& json, std::string_view name, const std::optional<double>& amount) {
    if (!amount) return;
    if (std::optional<std::string> text = detail::canonical_amount(*amount)) json.key(name).number(*text);
}

void write_salaries(JsonWriter& json, const Profile& profile) {
    std::vector<Distribution> distributions;
    for (const Wage& wage : profile.wages) add_wage(wage, &profile, distributions);
    for (const Section& section : profile.sections) add_section_wages(section, distributions);
    if (distributions.empty()) return;
    json.key("estimatedSalary").begin_array();
    for (const Distribution& distribution : distributions) {
        json.begin_object();
        json.key("@type").string("MonetaryAmountDistribution");
        json.key("currency").string(distribution.currency);
        json.key("duration").string(iso_duration(distribution.per));
        write_amount(json, "minValue", distribution.min);
        write_amount(json, "maxValue", distribution.max);
        write_amount(json, "median", distribution.median);
        json.end_object();
    }
    json.end_array();
}

// --- place and page ---

struct Jurisdiction {
    std::string_view code;
    std::string_view english;
    std::string_view french;
};

constexpr std::array<Jurisdiction, 13> provinces_and_territories{{
    {"AB", "Alberta", "Alberta"},
    {"BC", "British Columbia", "Colombie-Britannique"},
    {"MB", "Manitoba", "Manitoba"},
    {"NB", "New Brunswick", "Nouveau-Brunswick"},
    {"NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"},
    {"NS", "Nova Scotia", "Nouvelle-Écosse"},
    {"NT", "Northwest Territories", "Territoires du Nord-Ouest"},
    {"NU", "Nunavut", "Nunavut"},
    {"ON", "Ontario", "Ontario"},
    {"PE", "Prince Edward Island", "Île-du-Prince-Édouard"},
    {"QC", "Quebec", "Québec"},
    {"SK", "Saskatchewan", "Saskatchewan"},
    {"YT", "Yukon", "Yukon"},
}};

// The province or territory whose site the page is from (CA: the federal government's); XX and unknown codes say
// nothing. Names follow the page's language.
void write_location(JsonWriter& json, const Source& source) {
    bool french = source.language == "fr";
    if (source.jurisdiction == "CA") {
        json.key("occupationLocation").begin_object();
        json.key("@type").string("Country");
        json.key("name").string("Canada");
        json.key("identifier").string("CA");
        json.end_object();
        return;
    }
    auto found = std::find_if(provinces_and_territories.begin(), provinces_and_territories.end(),
                              [&](const Jurisdiction& j) { return j.code == source.jurisdiction; });
    if (found == provinces_and_territories.end()) return;
    json.key("occupationLocation").begin_object();
    json.key("@type").string("AdministrativeArea");
    json.key("name").string(french ? found->french : found->english);
    json.key("identifier").string("CA-" + std::string(found->code));  // ISO 3166-2
    json.end_object();
}

bool is_review_date(const Date& date) {
    return detail::is_revision_date(date) && date.precision != DatePrecision::span;
}

// ISO 8601 values of one precision or a finer one compare as text ("2012-03" < "2012-03-15" < "2012-04").
void newest_review_date(const std::vector<Date>& dates, std::string& newest) {
    for (const Date& date : dates)
        if (is_review_date(date) && date.value > newest) newest = date.value;
}

void newest_section_review_date(const std::vector<Section>& sections, std::string& newest) {
    for (const Section& section : sections) {
        newest_review_date(section.dates, newest);
        newest_section_review_date(section.subsections, newest);
    }
}

// The page the profile came from: its URL, its language, and when it was last revised or updated (the newest
// revised / updated / modified date anywhere on the page, most often a section's).
void write_page(JsonWriter& json, const Profile& profile) {
    std::string last_reviewed;
    newest_review_date(profile.dates, last_reviewed);
    newest_section_review_date(profile.sections, last_reviewed);
    if (profile.source.url.empty() && last_reviewed.empty()) return;
    json.key("mainEntityOfPage").begin_object();
    json.key("@type").string("WebPage");
    if (!profile.source.url.empty()) json.key("url").string(profile.source.url);
    if (profile.source.language != "und") json.key("inLanguage").string(profile.source.language);
    if (!last_reviewed.empty()) json.key("lastReviewed").string(last_reviewed);
    json.end_object();
}

}  // namespace

std::string write_jsonld(const Profile& input, JsonStyle style) {
    const Profile profile = detail::canonical_profile(input);
    JsonWriter json(style);
    json.begin_object();
    json.key("@context").string("https://schema.org");
    json.key("@type").string("Occupation");
    if (profile.title) json.key("name").string(profile.title->text);
    std::vector<std::string> alternate_names;
    for (const Line& title : profile.alternate_titles) alternate_names.push_back(title.text);
    write_strings(json, "alternateName", alternate_names);
    write_description(json, profile);
    write_categories(json, profile);
    write_strings(json, "responsibilities", section_text(profile, {"duties"}));
    write_education(json, profile);
    write_strings(json, "qualifications", section_text(profile, {"certification"}));
    write_strings(json, "skills", section_text(profile, {"skills", "personal-characteristics"}));
    write_salaries(json, profile);
    write_location(json, profile.source);
    write_page(json, profile);
    json.end_object();
    return json.finish();
}

OCCKIT_END_IMPL_NAMESPACE

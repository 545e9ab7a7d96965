// The controlled vocabularies of the canonical model. Every spelling here is the one schemas/occupation.xsd
// enumerates; the tables are the single place that maps the C++ enums to those spellings.
#include "occkit/profile.hpp"

#include <algorithm>
#include <array>
#include <string_view>

OCCKIT_BEGIN_IMPL_NAMESPACE

namespace {

// Indexed by the enum's underlying value, so the order must follow the enum declarations in profile.hpp.
constexpr std::array<std::string_view, 9> date_kind_names{
    "revised", "updated", "produced", "published", "copyright", "data-year", "period", "next-update", "modified"};
constexpr std::array<std::string_view, 4> date_precision_names{"year", "month", "day", "span"};
constexpr std::array<std::string_view, 8> wage_measure_names{"range",   "average",  "median", "minimum",
                                                             "maximum", "starting", "top",    "value"};
constexpr std::array<std::string_view, 4> wage_per_names{"hour", "week", "month", "year"};

// A new enumerator without a name would otherwise surface only as an empty attribute in the XML.
static_assert(static_cast<std::size_t>(DateKind::modified) + 1 == date_kind_names.size());
static_assert(static_cast<std::size_t>(DatePrecision::span) + 1 == date_precision_names.size());
static_assert(static_cast<std::size_t>(WageMeasure::value) + 1 == wage_measure_names.size());
static_assert(static_cast<std::size_t>(WagePer::year) + 1 == wage_per_names.size());

template <typename Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::string_view, N>& names) {
    auto index = static_cast<std::size_t>(value);
    return index < N ? names[index] : std::string_view{};
}

template <typename Enum, std::size_t N>
std::optional<Enum> enum_from_name(std::string_view name, const std::array<std::string_view, N>& names) {
    auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) return std::nullopt;
    return static_cast<Enum>(found - names.begin());
}

}  // namespace

const std::vector<std::string>& section_kinds() {
    // The XSD SectionKind enumeration, in schema order.
    static const std::vector<std::string> kinds{"overview",
                                                "duties",
                                                "working-conditions",
                                                "personal-characteristics",
                                                "education",
                                                "certification",
                                                "employment",
                                                "salary",
                                                "outlook",
                                                "interesting-facts",
                                                "getting-started",
                                                "other-information",
                                                "related-occupations",
                                                "related-subjects",
                                                "related-fields",
                                                "job-titles",
                                                "skills",
                                                "resources",
                                                "other"};
    return kinds;
}

bool is_section_kind(std::string_view kind) {
    const auto& kinds = section_kinds();
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::string_view to_string(DateKind kind) { return name_of(kind, date_kind_names); }
std::string_view to_string(DatePrecision precision) { return name_of(precision, date_precision_names); }
std::string_view to_string(WageMeasure measure) { return name_of(measure, wage_measure_names); }
std::string_view to_string(WagePer per) { return name_of(per, wage_per_names); }

std::optional<DateKind> date_kind_from_string(std::string_view s) {
    return enum_from_name<DateKind>(s, date_kind_names);
}

std::optional<DatePrecision> date_precision_from_string(std::string_view s) {
    return enum_from_name<DatePrecision>(s, date_precision_names);
}

std::optional<WageMeasure> wage_measure_from_string(std::string_view s) {
    return enum_from_name<WageMeasure>(s, wage_measure_names);
}

std::optional<WagePer> wage_per_from_string(std::string_view s) { return enum_from_name<WagePer>(s, wage_per_names); }

namespace {
void visit_sections(const std::vector<Section>& sections, int depth,
                    const std::function<void(const Section&, int)>& visit) {
    for (const Section& s : sections) {
        visit(s, depth);
        visit_sections(s.subsections, depth + 1, visit);
    }
}
}  // namespace

void for_each_section(const Profile& profile, const std::function<void(const Section& section, int depth)>& visit) {
    visit_sections(profile.sections, 1, visit);
}

std::vector<const Wage*> all_wages(const Profile& profile) {
    std::vector<const Wage*> out;
    for (const Wage& w : profile.wages) out.push_back(&w);
    for_each_section(profile, [&](const Section& s, int) {
        for (const Wage& w : s.wages) out.push_back(&w);
    });
    return out;
}

std::vector<const Date*> all_dates(const Profile& profile) {
    std::vector<const Date*> out;
    for (const Date& d : profile.dates) out.push_back(&d);
    for_each_section(profile, [&](const Section& s, int) {
        for (const Date& d : s.dates) out.push_back(&d);
    });
    return out;
}

OCCKIT_END_IMPL_NAMESPACE

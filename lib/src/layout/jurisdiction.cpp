// The jurisdiction a profile is about, when the layout does not fix it: the --url host, else the provinces the page
// names where it speaks of itself (title, headings, its first paragraphs, weighted in that order).
//
// Why weighted and not counted: a national site's provincial page names its province in the title or the first
// lines ("Registered nurses in Ontario") while links and footers name others; a profile that names no province but
// Canada in those places is a national one.
#include "layout/jurisdiction.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "occkit/decode.hpp"
#include "support/text_util.hpp"

OCCKIT_BEGIN_IMPL_NAMESPACE
namespace detail {

namespace {

struct Name {
    std::string_view folded;  // fold_key() form
    std::string_view code;
};

// Names, the abbreviations that cannot be an ordinary word ("B.C.", "P.E.I."; not "ON") and the cities whose name
// is no one else's (a contact line "Edmonton 780-422-4266"; not "Victoria" or "Regina").
constexpr std::array<Name, 43> province_names = {{
    {"newfoundland and labrador", "NL"},
    {"terre-neuve-et-labrador", "NL"},
    {"newfoundland", "NL"},
    {"prince edward island", "PE"},
    {"île-du-prince-édouard", "PE"},
    {"p.e.i.", "PE"},
    {"nova scotia", "NS"},
    {"nouvelle-écosse", "NS"},
    {"new brunswick", "NB"},
    {"nouveau-brunswick", "NB"},
    {"québec", "QC"},
    {"quebec", "QC"},
    {"ontario", "ON"},
    {"manitoba", "MB"},
    {"saskatchewan", "SK"},
    {"alberta", "AB"},
    {"british columbia", "BC"},
    {"colombie-britannique", "BC"},
    {"b.c.", "BC"},
    {"yukon", "YT"},
    {"northwest territories", "NT"},
    {"territoires du nord-ouest", "NT"},
    {"nunavut", "NU"},
    {"edmonton", "AB"},
    {"calgary", "AB"},
    {"vancouver", "BC"},
    {"halifax", "NS"},
    {"dartmouth", "NS"},
    {"winnipeg", "MB"},
    {"saskatoon", "SK"},
    {"toronto", "ON"},
    {"montréal", "QC"},
    {"montreal", "QC"},
    {"fredericton", "NB"},
    {"moncton", "NB"},
    {"charlottetown", "PE"},
    {"canada", "CA"},
    {"canadian", "CA"},
    {"canadienne", "CA"},
    {"canadien", "CA"},
    {"national", "CA"},
    {"pancanadien", "CA"},
    {"nationwide", "CA"},
}};

struct Host {
    std::string_view suffix;
    std::string_view code;
};

constexpr std::array<Host, 17> province_hosts = {{
    {"workbc.ca", "BC"},
    {"gov.bc.ca", "BC"},
    {"alberta.ca", "AB"},
    {"gov.ab.ca", "AB"},
    {"saskatchewan.ca", "SK"},
    {"gov.sk.ca", "SK"},
    {"gov.mb.ca", "MB"},
    {"manitoba.ca", "MB"},
    {"ontario.ca", "ON"},
    {"gouv.qc.ca", "QC"},
    {"quebec.ca", "QC"},
    {"gnb.ca", "NB"},
    {"novascotia.ca", "NS"},
    {"princeedwardisland.ca", "PE"},
    {"gov.pe.ca", "PE"},
    {"gov.nl.ca", "NL"},
    {"yukon.ca", "YT"},
}};

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Each province (or Canada) named in a folded line, once per line.
void add_names(std::string_view folded, int weight, std::map<std::string_view, int>& votes) {
    std::string_view last;
    for (const auto& n : province_names) {
        std::size_t at = 0;
        while ((at = folded.find(n.folded, at)) != std::string_view::npos) {
            std::size_t end = at + n.folded.size();
            bool starts = at == 0 || !is_word_char(folded[at - 1]);
            bool ends = end == folded.size() || !is_word_char(folded[end]) || n.folded.back() == '.';
            if (starts && ends) {
                if (last != n.code) votes[n.code] += weight;
                last = n.code;
                break;
            }
            at = end;
        }
    }
}

struct AreaCode {
    std::string_view digits;
    std::string_view code;
};

// Telephone area codes of one province each (902 serves Nova Scotia and Prince Edward Island: left out).
constexpr std::array<AreaCode, 43> area_codes = {{
    {"403", "AB"}, {"587", "AB"}, {"780", "AB"}, {"825", "AB"}, {"236", "BC"}, {"250", "BC"}, {"604", "BC"},
    {"672", "BC"}, {"778", "BC"}, {"204", "MB"}, {"431", "MB"}, {"584", "MB"}, {"506", "NB"}, {"709", "NL"},
    {"226", "ON"}, {"249", "ON"}, {"289", "ON"}, {"343", "ON"}, {"365", "ON"}, {"416", "ON"}, {"437", "ON"},
    {"519", "ON"}, {"548", "ON"}, {"613", "ON"}, {"647", "ON"}, {"705", "ON"}, {"807", "ON"}, {"905", "ON"},
    {"367", "QC"}, {"418", "QC"}, {"438", "QC"}, {"450", "QC"}, {"514", "QC"}, {"579", "QC"}, {"581", "QC"},
    {"819", "QC"}, {"873", "QC"}, {"306", "SK"}, {"474", "SK"}, {"639", "SK"}, {"867", "NT"}, {"782", "NS"},
    {"354", "QC"},
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The province of each local telephone number in a line ("780-422-4266", "(902) 424-5200"); toll-free numbers
// (1-800, 1-877, ...) name none.
void add_phone_areas(std::string_view text, int weight, std::map<std::string_view, int>& votes) {
    for (std::size_t at = 0; at + 12 <= text.size(); ++at) {
        std::string_view s = text.substr(at);
        bool paren = s[0] == '(';
        std::size_t d = paren ? 1 : 0;
        if (at > 0 && (is_digit(text[at - 1]) || (!paren && text[at - 1] == '-' && at >= 2 && text[at - 2] == '1')))
            continue;  // inside a longer number, or after the "1-" of a long-distance or toll-free prefix
        if (s.size() < d + 12 || !is_digit(s[d]) || !is_digit(s[d + 1]) || !is_digit(s[d + 2])) continue;
        std::size_t rest = d + 3 + (paren ? 1 : 0);
        if (paren && s[d + 3] != ')') continue;
        if (s[rest] == ' ' || s[rest] == '-' || s[rest] == '.') ++rest;
        if (rest + 8 > s.size() || !is_digit(s[rest]) || !is_digit(s[rest + 1]) || !is_digit(s[rest + 2]) ||
            (s[rest + 3] != '-' && s[rest + 3] != ' ' && s[rest + 3] != '.'))
            continue;
        bool four = is_digit(s[rest + 4]) && is_digit(s[rest + 5]) && is_digit(s[rest + 6]) && is_digit(s[rest + 7]);
        if (!four || (rest + 8 < s.size() && is_digit(s[rest + 8]))) continue;
        std::string_view area = s.substr(d, 3);
        for (const auto& a : area_codes)
            if (a.digits == area) votes[a.code] += weight;
        at += rest + 7;
    }
}

std::string host_of(std::string_view url) {
    std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    std::string_view rest = url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("/?#:"));
    return ascii_lower(rest);
}

}  // namespace

std::string jurisdiction_of_url(std::string_view url) {
    std::string host = host_of(url);
    for (const auto& h : province_hosts)
        if (host == h.suffix || (host.size() > h.suffix.size() && host.ends_with(h.suffix) &&
                                 host[host.size() - h.suffix.size() - 1] == '.'))
            return std::string(h.code);
    return {};
}

std::string jurisdiction_of_host_in(std::string_view text) {
    if (text.find('.') == std::string_view::npos) return {};
    std::string lower = ascii_lower(text);
    for (const auto& h : province_hosts)
        for (std::size_t at = lower.find(h.suffix); at != std::string::npos; at = lower.find(h.suffix, at + 1)) {
            std::size_t end = at + h.suffix.size();
            bool starts = at == 0 || lower[at - 1] == '.' || !is_word_char(lower[at - 1]);
            bool ends = end == lower.size() || !(is_word_char(lower[end]) || lower[end] == '-');
            if (ends && end + 1 < lower.size() && lower[end] == '.' && is_word_char(lower[end + 1]))
                ends = false;  // "alberta.ca.example.com" is another host; "visit alberta.ca." ends a sentence
            if (starts && ends) return std::string(h.code);
        }
    return {};
}

std::string jurisdiction_named(const PageSpeech& page, int min_votes) {
    constexpr int title_weight = 6, heading_weight = 2, lead_weight = 1;
    std::map<std::string_view, int> votes;
    add_names(occkit::fold_key(page.title), title_weight, votes);
    add_names(occkit::fold_key(page.html_title), title_weight / 2, votes);
    for (const auto& h : page.headings) add_names(occkit::fold_key(h), heading_weight, votes);
    for (const auto& p : page.lead) add_names(occkit::fold_key(p), lead_weight, votes);
    for (const auto& p : page.edges) {
        add_names(occkit::fold_key(p), lead_weight, votes);
        add_phone_areas(p, lead_weight, votes);
    }
    std::string_view best;
    int best_votes = 0, province_votes = 0;
    for (const auto& [code, n] : votes) {
        if (code == "CA") continue;
        province_votes += n;
        if (n > best_votes) {
            best = code;
            best_votes = n;
        }
    }
    // A province must stand out: more than half of what the provinces got, and at least `min_votes`.
    if (best_votes > 0 && best_votes * 2 > province_votes && best_votes >= min_votes) return std::string(best);
    if (votes.count("CA")) return "CA";
    return {};
}

}  // namespace detail
OCCKIT_END_IMPL_NAMESPACE

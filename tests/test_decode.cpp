// decode(): charsets, BOMs, UTF-16/32, NFC, line ends, control characters, binary input; sniff_format; sha256_hex.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "occkit/decode.hpp"
#include "occkit/error.hpp"

namespace {

using occkit::decode;
using occkit::Decoded;
using occkit::InputFormat;

// UTF-16 bytes of a BMP string, optionally with a BOM.
std::string utf16_bytes(std::u16string_view text, bool big_endian, bool with_bom) {
    std::string out;
    auto put = [&](char16_t unit) {
        char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
        out += big_endian ? hi : lo;
        out += big_endian ? lo : hi;
    };
    if (with_bom) put(0xFEFF);
    for (char16_t unit : text) put(unit);
    return out;
}

std::string utf32le_bytes(std::u32string_view text) {
    std::string out = std::string("\xFF\xFE\x00\x00", 4);
    for (char32_t cp : text)
        for (int k = 0; k < 4; ++k) out += static_cast<char>((cp >> (8 * k)) & 0xFF);
    return out;
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

std::string binary_error_of(std::string_view bytes) {
    try {
        decode(bytes);
    } catch (const occkit::Error& e) {
        return e.what();
    }
    return "no error";
}

// ---------------------------------------------------------------------------------------------------------------

TEST(Decode, EmptyInputIsEmptyTextNotAnError) {
    Decoded d = decode("");
    EXPECT_EQ(d.utf8, "");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_EQ(d.format, InputFormat::text);
    EXPECT_EQ(decode("", InputFormat::html).format, InputFormat::html);
}

TEST(Decode, ValidUtf8IsReturnedUnchanged) {
    std::string page = "Licensed Practical Nurse\n\nSalary: $26.09 \xE2\x80\x93 $34.44 an hour\n\xC3\x89tudes\tsup\n";
    Decoded d = decode(page);
    EXPECT_EQ(d.utf8, page);
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_EQ(d.format, InputFormat::text);
}

TEST(Decode, Utf8BomIsStripped) {
    Decoded d = decode(
        "\xEF\xBB\xBF"
        "Caf\xC3\xA9 owner\n");
    EXPECT_EQ(d.utf8, "Caf\xC3\xA9 owner\n");
    EXPECT_EQ(d.charset, "UTF-8");
}

TEST(Decode, Utf16LittleEndianWithBom) {
    Decoded d = decode(utf16_bytes(u"Infirmi\u00e8re\r\nSalaire : 32 $\r\n", false, true));
    EXPECT_EQ(d.utf8, "Infirmi\xC3\xA8re\nSalaire : 32 $\n");
    EXPECT_EQ(d.charset, "UTF-16LE");
}

TEST(Decode, Utf16BigEndianWithBom) {
    Decoded d = decode(utf16_bytes(u"Welder \u2013 Red Seal\n", true, true));
    EXPECT_EQ(d.utf8, "Welder \xE2\x80\x93 Red Seal\n");
    EXPECT_EQ(d.charset, "UTF-16BE");
}

TEST(Decode, Utf16WithoutBomIsRecognisedFromItsNulBytes) {
    std::u16string text = u"Health Records Technologist\nWorking Conditions\n";
    Decoded le = decode(utf16_bytes(text, false, false));
    EXPECT_EQ(le.utf8, "Health Records Technologist\nWorking Conditions\n");
    EXPECT_EQ(le.charset, "UTF-16LE");
    Decoded be = decode(utf16_bytes(text, true, false));
    EXPECT_EQ(be.utf8, le.utf8);
    EXPECT_EQ(be.charset, "UTF-16BE");
}

TEST(Decode, Utf16HtmlIsSniffedAfterDecoding) {
    Decoded d = decode(utf16_bytes(u"<!DOCTYPE html><html><body><p>Caf\u00e9</p></body></html>", false, true));
    EXPECT_EQ(d.format, InputFormat::html);
    EXPECT_EQ(d.utf8, "<!DOCTYPE html><html><body><p>Caf\xC3\xA9</p></body></html>");
}

TEST(Decode, Utf32WithBom) {
    Decoded d = decode(utf32le_bytes(U"Plumber \U0001F527\n"));
    EXPECT_EQ(d.utf8, "Plumber \xF0\x9F\x94\xA7\n");
    EXPECT_EQ(d.charset, "UTF-32LE");
}

TEST(Decode, MetaCharsetWindows1252Page) {
    std::string page =
        "<!DOCTYPE html>\n<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head>\n"
        "<body><p>\x93Quoted\x94 \x96 \x80"
        "5 r\xE9sum\xE9</p></body></html>\n";
    Decoded d = decode(page);
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_EQ(d.format, InputFormat::html);
    EXPECT_NE(d.utf8.find("<title>Caf\xC3\xA9</title>"), std::string::npos);
    EXPECT_NE(d.utf8.find("<p>\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC"
                          "5 r\xC3\xA9sum\xC3\xA9</p>"),
              std::string::npos);
}

TEST(Decode, HttpEquivLatin1IsReadAsWindows1252) {
    std::string page =
        "<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\"></head>"
        "<body>\x93na\xEFve\x94</body></html>";
    Decoded d = decode(page);
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_NE(d.utf8.find("\xE2\x80\x9Cna\xC3\xAFve\xE2\x80\x9D"), std::string::npos);
}

TEST(Decode, OtherDeclaredCharsetUsesItsConverter) {
    std::string page = "<html><head><meta charset='iso-8859-15'></head><body>Prix : 5 \xA4</body></html>";
    Decoded d = decode(page);
    EXPECT_EQ(d.charset, "ISO-8859-15");
    EXPECT_NE(d.utf8.find("Prix : 5 \xE2\x82\xAC"), std::string::npos);
}

TEST(Decode, Cp1252BytesInAUtf8DeclaredPage) {
    // Mostly real UTF-8 (the en dash and "déjà") with two Windows-1252 bytes pasted in: both kinds must survive.
    std::string page =
        "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xE9 \xE2\x80\x93 d\xC3\xA9j\xC3\xA0 vu \x93ok\x94"
        "</p></body></html>";
    Decoded d = decode(page);
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_NE(d.utf8.find("<p>Caf\xC3\xA9 \xE2\x80\x93 d\xC3\xA9j\xC3\xA0 vu \xE2\x80\x9Cok\xE2\x80\x9D</p>"),
              std::string::npos);
    EXPECT_TRUE(is_valid_utf8(d.utf8));
}

TEST(Decode, ValidUtf8WinsOverAStaleDeclaration) {
    Decoded d = decode("<html><head><meta charset=\"windows-1252\"></head><body>Caf\xC3\xA9</body></html>");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_NE(d.utf8.find("Caf\xC3\xA9"), std::string::npos);
}

TEST(Decode, AsciiPageReportsItsDeclaredCharset) {
    Decoded d = decode("<html><head><meta charset=\"ISO-8859-1\"></head><body>Plain</body></html>");
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_EQ(decode("<html><head><meta charset=\"utf-8\"></head><body>Plain</body></html>").charset, "UTF-8");
}

TEST(Decode, DeclarationIsIgnoredForText) {
    Decoded d = decode("<meta charset=\"iso-8859-15\"> \xA4", InputFormat::text);
    EXPECT_EQ(d.format, InputFormat::text);
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_EQ(d.utf8, "<meta charset=\"iso-8859-15\"> \xC2\xA4");
}

TEST(Decode, Latin1TextWithoutDeclaration) {
    Decoded d = decode(
        "R\xE9sum\xE9 d'une infirmi\xE8re na\xEFve\n\xAB Salaire \xBB : 32\xA0"
        "000 $\n");
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_EQ(d.format, InputFormat::text);
    EXPECT_EQ(d.utf8,
              "R\xC3\xA9sum\xC3\xA9 d'une infirmi\xC3\xA8re na\xC3\xAFve\n\xC2\xAB Salaire \xC2\xBB : 32\xC2\xA0"
              "000 $\n");
}

TEST(Decode, NfcComposesCombiningMarks) {
    Decoded d = decode("Cafe\xCC\x81 and re\xCC\x81sume\xCC\x81\n");  // e + U+0301
    EXPECT_EQ(d.utf8, "Caf\xC3\xA9 and r\xC3\xA9sum\xC3\xA9\n");
    EXPECT_EQ(d.charset, "UTF-8");
}

TEST(Decode, NfcAppliesToConvertedText) {
    Decoded d = decode(utf16_bytes(u"Cafe\u0301", false, true));
    EXPECT_EQ(d.utf8, "Caf\xC3\xA9");
}

TEST(Decode, NoBreakSpacesAreKeptByDecodeAndFlattenedByNormalizeSpace) {
    std::string salary =
        "$32\xC2\xA0"
        "000 - $36\xE2\x80\xAF"
        "000 a year.";
    Decoded d = decode(salary);
    EXPECT_EQ(d.utf8, salary);
    EXPECT_EQ(occkit::normalize_space(d.utf8), "$32 000 - $36 000 a year.");
    EXPECT_EQ(occkit::normalize_space("  \xE2\x80\xA2\xC2\xA0 a\t\tb \xE2\x80\x8B\n"), "\xE2\x80\xA2 a b");
}

TEST(Decode, LineEndsBecomeLf) {
    EXPECT_EQ(decode("Duties\r\n\r\nWorking Conditions\rSalary\n").utf8, "Duties\n\nWorking Conditions\nSalary\n");
    EXPECT_EQ(decode("ends with CR\r").utf8, "ends with CR\n");
}

TEST(Decode, StrayControlCharactersAreRemoved) {
    using namespace std::string_literals;
    std::string text(1000, 'x');
    text += "\0Nurse\x0B profile\x7F\t(tab kept)\x1B\n"s;
    text.insert(10, 1, '\0');
    Decoded d = decode(text);
    EXPECT_EQ(d.utf8, std::string(1000, 'x') + "Nurse profile\t(tab kept)\n");
    EXPECT_EQ(d.charset, "UTF-8");
}

TEST(Decode, C1ControlsAreRemoved) {
    std::string text = "Welder" + std::string("\xC2\x85") + " trade" + std::string(200, '.');
    EXPECT_EQ(decode(text).utf8, "Welder trade" + std::string(200, '.'));
}

TEST(Decode, BinaryGarbageIsAnError) {
    std::string png("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR\x00\x00\x01\x00", 20);
    EXPECT_EQ(binary_error_of(png), "not a text file (binary data at byte 6)");

    std::string all_bytes;
    for (int round = 0; round < 4; ++round)
        for (int b = 0; b < 256; ++b) all_bytes += static_cast<char>(b);
    EXPECT_EQ(binary_error_of(all_bytes), "not a text file (binary data at byte 0)");
    EXPECT_THROW(decode(all_bytes, InputFormat::html), occkit::Error);
}

TEST(Decode, NulHeavyInputThatIsNotUtf16IsAnError) {
    std::string nul_heavy;
    for (int k = 0; k < 100; ++k) nul_heavy += std::string("ab\0\0", 4);
    EXPECT_EQ(binary_error_of(nul_heavy), "not a text file (binary data at byte 2)");
    EXPECT_THROW(decode(std::string(1000, '\0')), occkit::Error);
}

TEST(Decode, Utf16WithControlUnitsIsAnError) {
    std::u16string units;
    for (int k = 0; k < 50; ++k) units += u"A\u0001";
    EXPECT_EQ(binary_error_of(utf16_bytes(units, false, true)), "not a text file (binary data at byte 4)");
}

TEST(Decode, InvalidUtf8SequencesNeverLeakIntoTheOutput) {
    // Overlong, surrogate, truncated and out-of-range sequences are not UTF-8: read as Windows-1252.
    Decoded d = decode("a\xC0\xAF b\xED\xA0\x80 c\xE2\x82 d\xF4\x90\x80\x80 e\xF0");
    EXPECT_EQ(d.charset, "windows-1252");
    EXPECT_TRUE(is_valid_utf8(d.utf8));
    EXPECT_EQ(d.utf8.substr(0, 5), "a\xC3\x80\xC2\xAF");
}

TEST(Decode, RandomBytesNeverCrash) {
    std::mt19937 rng(20240611);
    for (int round = 0; round < 300; ++round) {
        std::string bytes(static_cast<std::size_t>(rng() % 600), '\0');
        bool textish = round % 2 == 0;  // half of them mostly printable, to get past the binary check
        for (auto& c : bytes) {
            unsigned value = rng() % 256;
            if (textish && value < 0x20 && rng() % 8 != 0) value = 'a' + value;
            c = static_cast<char>(value);
        }
        try {
            Decoded d = decode(bytes, round % 3 == 0 ? InputFormat::html : InputFormat::automatic);
            EXPECT_TRUE(is_valid_utf8(d.utf8)) << "round " << round;
            EXPECT_EQ(d.utf8.find('\r'), std::string::npos);
            EXPECT_EQ(d.utf8.find('\0'), std::string::npos);
        } catch (const occkit::Error& e) {
            EXPECT_EQ(std::string(e.what()).rfind("not a text file (binary data at byte ", 0), 0u) << e.what();
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------

TEST(SniffFormat, RecognisesHtml) {
    using occkit::sniff_format;
    EXPECT_EQ(sniff_format("<!DOCTYPE html>\n<html lang=\"en\">"), InputFormat::html);
    EXPECT_EQ(sniff_format("\n  <HTML><BODY>"), InputFormat::html);
    EXPECT_EQ(sniff_format("\xEF\xBB\xBF<head><title>x</title>"), InputFormat::html);
    EXPECT_EQ(sniff_format("<div class=\"profile\">"), InputFormat::html);
    EXPECT_EQ(sniff_format("<p>Fragment</p>"), InputFormat::html);
    EXPECT_EQ(sniff_format("<!-- saved from url -->\n<html>"), InputFormat::html);
    EXPECT_EQ(sniff_format("Saved page\n<!doctype html><html>"), InputFormat::html);
}

TEST(SniffFormat, RecognisesText) {
    using occkit::sniff_format;
    EXPECT_EQ(sniff_format(""), InputFormat::text);
    EXPECT_EQ(sniff_format("Licensed Practical Nurse\n\nAlso Known As:Nurse"), InputFormat::text);
    EXPECT_EQ(sniff_format("<5 years of experience required"), InputFormat::text);
    EXPECT_EQ(sniff_format("<paragraph> is not a tag we know"), InputFormat::text);
}

TEST(Decode, AutomaticFormatIsResolved) {
    EXPECT_EQ(decode("<html><body><p>x</p></body></html>").format, InputFormat::html);
    EXPECT_EQ(decode("Plain text profile\n").format, InputFormat::text);
    EXPECT_EQ(decode("<p>x</p>", InputFormat::text).format, InputFormat::text);
}

// ---------------------------------------------------------------------------------------------------------------

TEST(Sha256, KnownVectors) {
    using occkit::sha256_hex;
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex("Caf\xC3\xA9"), "73473dcc12b763085904a5279d048c4d5b3b008c46f1f32443b99de04aa83a14");
}

TEST(Sha256, PaddingBoundaries) {
    using occkit::sha256_hex;
    // Lengths around the 55/56 and 63/64 byte limits of the one- and two-block padding.
    EXPECT_EQ(sha256_hex(std::string(55, 'a')), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    EXPECT_EQ(sha256_hex(std::string(56, 'a')), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    EXPECT_EQ(sha256_hex(std::string(63, 'a')), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    EXPECT_EQ(sha256_hex(std::string(64, 'a')), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    EXPECT_EQ(sha256_hex(std::string(65, 'a')), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0");
    EXPECT_EQ(sha256_hex(std::string(119, 'a')), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
    EXPECT_EQ(sha256_hex(std::string(120, 'a')), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace

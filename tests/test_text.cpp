// The text helpers the tools share (src/common/text.hpp).
#include "text.hpp"

#include <string>
#include <utility>

#include "catch.hpp"

using namespace errcat;
using namespace std::string_literals;

TEST_CASE("UTF-8 validation rejects overlong forms, surrogates and cut sequences") {
  CHECK(text::valid_utf8("plain ascii"));
  CHECK(text::valid_utf8("\xC3\xA9t\xC3\xA9 \xE2\x80\xA6 \xF0\x9F\x98\x80"));
  CHECK_FALSE(text::valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(text::valid_utf8("\xED\xA0\x80"));      // a surrogate
  CHECK_FALSE(text::valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(text::valid_utf8("cut \xE2\x80"));
  static_assert(text::valid_utf8("\xC3\xA9"));
}

TEST_CASE("invalid UTF-8 is replaced byte by byte, valid text is kept") {
  CHECK(text::replace_invalid_utf8("a\xFF"
                                   "b\xC3\xA9") ==
        "a\xEF\xBF\xBD"
        "b\xC3\xA9");
}

TEST_CASE("a UTF-8 prefix never ends inside a character") {
  CHECK(text::utf8_prefix("ab\xE2\x80\xA6", 4) == "ab");
  CHECK(text::utf8_prefix("ab\xE2\x80\xA6", 5) == "ab\xE2\x80\xA6");
  CHECK(text::utf8_prefix("abcdef", 3) == "abc");
}

TEST_CASE("code points are written as UTF-8, invalid ones as U+FFFD") {
  std::string out;
  text::append_utf8(out, 'A');
  text::append_utf8(out, 0xE9);
  text::append_utf8(out, 0x2014);
  text::append_utf8(out, 0x1F600);
  CHECK(out == "A\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80");
  out.clear();
  text::append_utf8(out, 0);
  text::append_utf8(out, 0xD800);
  text::append_utf8(out, 0x110000);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("HTML character references decode by number and by the names pages use") {
  const auto decode = [](std::string_view s) {
    std::string out;
    const std::size_t used = text::decode_html_reference(s, 0, out);
    return std::pair(out, used);
  };
  CHECK(decode("&amp;rest") == std::pair(std::string("&"), std::size_t{5}));
  CHECK(decode("&nbsp;").first == " ");
  CHECK(decode("&copy;").first == "\xC2\xA9");
  CHECK(decode("&mdash;").first == "\xE2\x80\x94");
  CHECK(decode("&#65;") == std::pair(std::string("A"), std::size_t{5}));
  CHECK(decode("&#X41;").first == "A");
  CHECK(decode("&#0;").first == "\xEF\xBF\xBD");
  CHECK(decode("&#x110000;").first == "\xEF\xBF\xBD");
  // Not a reference: nothing written, nothing used.
  CHECK(decode("&unknown;") == std::pair(std::string(), std::size_t{0}));
  CHECK(decode("&#x;") == std::pair(std::string(), std::size_t{0}));
  CHECK(decode("&#12a;") == std::pair(std::string(), std::size_t{0}));
  CHECK(decode("& no semicolon") == std::pair(std::string(), std::size_t{0}));
  CHECK(decode("&verylongname;") == std::pair(std::string(), std::size_t{0}));
}

TEST_CASE("case helpers fold ASCII only") {
  CHECK(text::lower("IAM.0004 \xC3\x89") == "iam.0004 \xC3\x89");
  CHECK(text::upper("apig.0101") == "APIG.0101");
  CHECK(text::iequals("X-Request-Id", "x-request-id"));
  CHECK_FALSE(text::iequals("X-Request-Id", "x-request-ids"));
}

TEST_CASE("a word compares at an index in any ASCII case, and never past the end") {
  CHECK(text::iequals_at("<TITLE>x", 1, "title"));
  CHECK(text::iequals_at("x HTTP/1.1", 2, "http/"));
  CHECK_FALSE(text::iequals_at("<tit", 1, "title"));
  CHECK_FALSE(text::iequals_at("ab", 3, "b"));
  CHECK(text::iequals_at("ab", 2, ""));
}

TEST_CASE("trim removes HTTP's spaces and tabs at the ends only") {
  CHECK(text::trim(" \t r-1 2 \t") == "r-1 2");
  CHECK(text::trim("   ").empty());
}

TEST_CASE("printable escapes controls, C1 controls and invalid bytes, and nothing else") {
  CHECK(text::printable("line\nnext\ttab\x1b[2J") == R"(line\nnext\ttab\x1b[2J)");
  CHECK(text::printable("\xC2\x9B"
                        "31m") == R"(\xc2\x9b31m)");
  CHECK(text::printable("\xFF\x00z"s) == R"(\xff\x00z)");
  CHECK(text::printable("caf\xC3\xA9 \"q\" \\") == "caf\xC3\xA9 \"q\" \\");
}

TEST_CASE("quoted uses the same escapes and makes quotes and backslashes unambiguous") {
  CHECK(text::quoted("user") == "\"user\"");
  CHECK(text::quoted("a\"b\\c\n") == R"("a\"b\\c\n")");
  CHECK(text::quoted("\x01\xFF") == R"("\x01\xff")");
}

TEST_CASE("identifiers are ASCII letters, digits and underscores, not starting with a digit") {
  CHECK(text::is_identifier("user_id"));
  CHECK(text::is_identifier("_x9"));
  CHECK_FALSE(text::is_identifier(""));
  CHECK_FALSE(text::is_identifier("9lives"));
  CHECK_FALSE(text::is_identifier("user-id"));
  CHECK_FALSE(text::is_identifier("caf\xC3\xA9"));
  CHECK(text::is_identifier_start('_'));
  CHECK_FALSE(text::is_identifier_start('1'));
  CHECK(text::is_identifier_char('1'));
  STATIC_REQUIRE(text::is_identifier("constexpr_too"));
}

TEST_CASE("a C++ string literal escapes in octal and breaks up trigraphs") {
  CHECK(text::cpp_string_literal("plain text") == R"("plain text")");
  CHECK(text::cpp_string_literal("a\"b\\c") == R"("a\"b\\c")");
  // Three octal digits, so a digit that follows stays a digit of its own.
  CHECK(text::cpp_string_literal("\n1\x7f") == R"("\0121\177")");
  CHECK(text::cpp_string_literal("caf\xC3\xA9") == R"("caf\303\251")");
  CHECK(text::cpp_string_literal("what?\?!") == R"("what?\?!")");
  CHECK(text::cpp_string_literal(std::string("a\0b", 3)) == R"("a\000b")");
}

TEST_CASE("parameter kinds are spelt as the catalog format spells them") {
  CHECK(text::kind_name(param_kind::integer) == "integer");
  CHECK(text::kind_name(param_kind::string) == "string");
}

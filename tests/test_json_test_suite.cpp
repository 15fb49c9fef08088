#include <signalwire/call.hpp>  // first: the header compiles on its own

// JSONTestSuite (Nicolas Seriot's parsing corpus) through the typed decoders: every
// n_ file is rejected, every y_ file is valid JSON (so any error is about the schema,
// never a syntax error), and no i_ file crashes. test_differential.cpp checks that the
// fast and the reference paths agree on the same files; this file checks what each
// answer is.
#include <doctest/doctest.h>

#include "test_data.hpp"

#include <cstddef>
#include <map>
#include <string>

using namespace signalwire;
using test_support::files_below;
using test_support::read_file;
using test_support::data_dir;

namespace {

/// The first byte of the document that is not JSON whitespace, or 0.
char first_token(const std::string& json) {
    const auto at = json.find_first_not_of(" \t\n\r");
    return at == std::string::npos ? '\0' : json[at];
}

/// What decoding a y_ file (valid JSON that is not a Call) must say, given how the
/// document starts; the pointer of a missing member is the type's first required one.
void check_schema_error(const std::string& json, const decode_error& e, const std::string& first_required) {
    const std::string what = e.to_string();
    CAPTURE(what);
    switch (first_token(json)) {
        case '[': CHECK(what == "(root): expected object, got array"); break;
        case '"': CHECK(what.rfind("(root): expected object, got string \"", 0) == 0); break;
        case 't':
        case 'f': CHECK(what == "(root): expected object, got boolean"); break;
        case 'n': CHECK(what == "(root): expected object, got null"); break;
        case '{':
            // An object without the schema's members, or one that repeats a key.
            CHECK((what == "/" + first_required + ": missing required member" ||
                   e.message == "duplicate member"));
            break;
        default: CHECK(what.rfind("(root): expected object, got number ", 0) == 0); break;
    }
}

bool is_syntax_error(const decode_error& e) { return e.message.rfind("invalid JSON", 0) == 0; }

}  // namespace

TEST_CASE("JSONTestSuite: n_ files are rejected, y_ files get schema errors only, i_ files are answered") {
    const auto files = files_below(data_dir() / "JSONTestSuite/test_parsing", ".json");
    REQUIRE(files.size() > 300);

    std::map<std::string, std::size_t> in_directory;  // "y_", "n_", "i_" -> files
    std::size_t y_files = 0, y_decoded = 0, y_type_errors = 0, y_duplicates = 0;
    std::size_t n_rejected = 0, i_answered = 0, i_decoded = 0;
    std::size_t y_syntax = 0;
    std::string y_syntax_errors;  // the y_ files that got "invalid JSON ...", one a line

    for (const auto& path : files) {
        const std::string name = path.filename().string();
        const std::string prefix = name.substr(0, 2);
        ++in_directory[prefix];
        const std::string json = read_file(path);
        CAPTURE(name);

        auto call = decode<Call>(json);
        auto list = decode<CallList>(json);

        if (prefix == "n_") {
            // Not JSON: both decoders must refuse it, saying why and (at most) where.
            CHECK_FALSE(call);
            CHECK_FALSE(list);
            for (const auto& e : {call ? decode_error{} : call.error(), list ? decode_error{} : list.error()}) {
                CAPTURE(e.to_string());
                CHECK_FALSE(e.message.empty());
                CHECK((e.pointer.empty() || e.pointer[0] == '/'));
            }
            const bool rejected = !call && !list;
            if (rejected) ++n_rejected;
        } else if (prefix == "y_") {
            ++y_files;
            // Valid JSON, and none of it is a Call or a CallList.
            if (call) {
                ++y_decoded;
            } else {
                const decode_error e = call.error();
                if (is_syntax_error(e)) {
                    ++y_syntax;
                    y_syntax_errors += name + ": " + e.to_string() + "\n";
                } else if (e.message == "duplicate member") ++y_duplicates;
                else ++y_type_errors;
                check_schema_error(json, e, "sid");
            }
            if (!list) {
                if (is_syntax_error(list.error())) y_syntax_errors += name + " (CallList): " + list.error().to_string() + "\n";
                check_schema_error(json, list.error(), "uri");
            }
        } else {
            REQUIRE(prefix == "i_");  // every file of the corpus is y_, n_ or i_
            // Implementation-defined: either answer is fine, as long as there is one.
            if (call) ++i_decoded;
            else CHECK_FALSE(call.error().message.empty());
            if (!list) CHECK_FALSE(list.error().message.empty());
            ++i_answered;
        }
    }

    MESSAGE("JSONTestSuite: " << y_files << " y (" << y_decoded << " decoded, " << y_type_errors << " type errors, "
                              << y_duplicates << " duplicate-member errors), " << n_rejected << " n rejected, "
                              << i_answered << " i answered (" << i_decoded << " decoded as a Call)");

    // No y_ file nests deeper than max_depth (64): the deepest is 2 levels, so none may
    // get a syntax error. (The only deep files are i_structure_500_nested_arrays and the
    // n_structure_100000_opening_arrays family, which are not y_.)
    CHECK_MESSAGE(y_syntax_errors.empty(), y_syntax_errors);
    CHECK(y_decoded == 0);  // none has the Call's required members
    CHECK(y_files == y_decoded + y_type_errors + y_duplicates + y_syntax);
    CHECK(y_duplicates == 2);  // y_object_duplicated_key and y_object_duplicated_key_and_value

    // The totals are the directory's.
    CHECK(y_files == in_directory["y_"]);
    CHECK(n_rejected == in_directory["n_"]);
    CHECK(i_answered == in_directory["i_"]);
    CHECK(y_files + n_rejected + i_answered == files.size());
}

TEST_CASE("JSONTestSuite: the deepest i_ file is within reach of max_depth and fails cleanly past it") {
    // i_structure_500_nested_arrays nests 500 arrays. As a Call it is refused at its
    // first '[' (a Call is an object); inside an unknown member it reaches the depth bound.
    const std::string json = read_file(data_dir() / "JSONTestSuite/test_parsing/i_structure_500_nested_arrays.json");
    auto direct = decode<Call>(json);
    REQUIRE_FALSE(direct);
    CHECK(direct.error().to_string() == "(root): expected object, got array");

    const std::string wrapped = R"({"x":)" + json + "}";
    auto nested = decode<Call>(wrapped);
    REQUIRE_FALSE(nested);
    std::string too_deep = "/x";  // where the 65th level begins: inside the 63rd array of x
    for (int i = 0; i < 63; ++i) too_deep += "/0";
    CHECK(nested.error().to_string() == too_deep + ": nesting deeper than max_depth (64)");

    decode_options deep;
    deep.max_depth = 501;  // the wrapping object + 500 arrays
    auto reached = decode<Call>(wrapped, deep);
    REQUIRE_FALSE(reached);
    CHECK(reached.error().to_string() == "/sid: missing required member");
}

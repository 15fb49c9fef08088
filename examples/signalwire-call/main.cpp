// signalwire-call: look at, validate and normalize SignalWire Call bodies.
//
//   signalwire-call show FILE                 readable summary of a Call or a page of calls
//   signalwire-call check [--strict] FILE...  decode each file; report what fails, where
//   signalwire-call normalize FILE            re-encode the decoded document, compactly
//   signalwire-call request ENDPOINT [--OPTION VALUE]...
//                                             the method, target and scopes of a request
//   signalwire-call response ENDPOINT STATUS FILE [--strict]
//                                             decode a saved response by its HTTP status
//   signalwire-call export --format ndjson|csv [--strict] [--keep-going] FILE...
//                                             calls of list pages or NDJSON as NDJSON or CSV
//
// FILE may be `-` for standard input. A document is a page of calls when it is a JSON
// object with a `calls` member, otherwise a Call; it is decoded once, with no DOM. An
// API error body is reported as `FILE: error 20404: message (status 404)`. Exit status:
// 0 success, 1 a file failed to read or decode (or is an API error body), 2 usage error.
#include "export_command.hpp"
#include "input.hpp"
#include "request_command.hpp"
#include "response_command.hpp"
#include "show.hpp"

#include <signalwire/call.hpp>
#include <signalwire/codec.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/system/result.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace {

constexpr std::string_view usage_text =
    "usage: signalwire-call show FILE\n"
    "       signalwire-call check [--strict] FILE...\n"
    "       signalwire-call normalize FILE\n"
    "       signalwire-call request ENDPOINT [--OPTION VALUE]...\n"
    "       signalwire-call response ENDPOINT STATUS FILE [--strict]\n"
    "       signalwire-call export --format ndjson|csv [--strict] [--keep-going] FILE...\n"
    "       signalwire-call --help\n"
    "\n"
    "  show       print a Call or a page of calls (a JSON object with \"calls\") readably\n"
    "  check      decode each FILE, print \"FILE: ok\" or \"FILE: /pointer: message\"\n"
    "             (\"FILE: error 20404: message (status 404)\" for an API error body);\n"
    "             --strict also rejects unknown members, unknown enum values and\n"
    "             numbers sent as strings\n"
    "  normalize  print the decoded document re-encoded as compact JSON\n"
    "  request    print the method, the target and the scopes of a request of ENDPOINT\n"
    "             (retrieve, list); `request ENDPOINT --help` lists its options\n"
    "  response   decode a saved response of ENDPOINT by its HTTP STATUS: print the\n"
    "             Call or page, or report the API error, the decode error or the\n"
    "             unlisted status\n"
    "  export     write the calls of list pages or NDJSON files as NDJSON or CSV\n"
    "             (`export --help` for more)\n"
    "\n"
    "FILE may be - for standard input. Exit status: 0 ok, 1 a file failed, 2 usage error.\n";

enum exit_status : int { success = 0, failure = 1, usage_error = 2 };

/// A decoded document: one call, or a page of calls.
using document = std::variant<signalwire::Call, signalwire::CallList>;
using document_result = boost::system::result<document, signalwire::decode_error>;

// ---- decoding ------------------------------------------------------------------------

/// True when the top-level object of `json` has a `calls` member (a lenient decode's
/// byte order mark skipped). Input that is no JSON object, or that breaks off before
/// such a member, is decoded as a Call, which reports the error.
bool is_call_list(std::string_view json, const signalwire::decode_options& options) {
    if (!options.strict && json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
    boost::json::parse_options parse_options;
    parse_options.max_depth = options.max_depth;
    boost::json::basic_parser<signalwire_call::calls_member_finder> parser(parse_options);
    boost::system::error_code ec;
    parser.write_some(false, json.data(), json.size(), ec);
    return parser.handler().found;
}

template <class T>
document_result decode_as(std::string_view json, const signalwire::decode_options& options) {
    auto decoded = signalwire::decode<T>(json, options);
    if (!decoded) return document_result(boost::system::in_place_error, decoded.error());
    return document_result(boost::system::in_place_value, std::move(*decoded));
}

/// Decodes the text once, as a page when its top-level object has `calls`, else as a Call.
document_result decode_document(std::string_view json, const signalwire::decode_options& options) {
    if (is_call_list(json, options)) return decode_as<signalwire::CallList>(json, options);
    return decode_as<signalwire::Call>(json, options);
}

/// `error 20404: The requested resource ... was not found (status 404)` when `json` is an
/// API error body (either form), else nothing. Only called once decoding has failed.
std::optional<std::string> api_error_text(std::string_view json, signalwire::decode_options options) {
    using signalwire_call::printable;
    options.strict = false;
    if (auto e = signalwire::decode<signalwire::ErrorResponse>(json, options)) {
        std::string out = "error " + std::to_string(e->code) + ": " + printable(e->message);
        if (e->status) out += " (status " + std::to_string(*e->status) + ")";
        return out;
    }
    if (auto list = signalwire::decode<signalwire::ErrorArrayResponse>(json, options)) {
        std::string out;
        for (const auto& item : list->errors) {
            out += out.empty() ? "error" : "; error";
            if (item.code) out += " " + std::to_string(*item.code);
            if (item.message) out += ": " + printable(*item.message);
        }
        return out.empty() ? std::string("error: no errors listed") : out;
    }
    return std::nullopt;
}

/// Reads and decodes `path`; on failure prints `FILE: reason` on stderr.
std::optional<document> load(const std::string& path, const signalwire::decode_options& options) {
    std::string json;
    std::string reason;
    if (!signalwire_call::read_input(path, options.max_size, json, reason)) {
        std::cerr << path << ": cannot read: " << reason << '\n';
        return std::nullopt;
    }
    document_result decoded = decode_document(json, options);
    if (!decoded) {
        if (auto api_error = api_error_text(json, options)) std::cerr << path << ": " << *api_error << '\n';
        else std::cerr << path << ": " << decoded.error().to_string() << '\n';
        return std::nullopt;
    }
    return std::move(*decoded);
}

// ---- commands ------------------------------------------------------------------------

struct arguments {
    std::string command;
    bool strict = false;
    bool help = false;
    std::vector<std::string> files;
};

int show(const std::string& path) {
    const auto doc = load(path, signalwire::decode_options{});
    if (!doc) return failure;
    if (const auto* call = std::get_if<signalwire::Call>(&*doc)) signalwire_call::print_call(std::cout, *call);
    else signalwire_call::print_list(std::cout, std::get<signalwire::CallList>(*doc));
    return success;
}

int check(const std::vector<std::string>& paths, bool strict) {
    signalwire::decode_options options;
    options.strict = strict;
    int status = success;
    for (const auto& path : paths) {
        if (load(path, options)) std::cout << path << ": ok\n";
        else status = failure;
    }
    return status;
}

int normalize(const std::string& path) {
    const auto doc = load(path, signalwire::decode_options{});
    if (!doc) return failure;
    std::cout << std::visit([](const auto& value) { return signalwire::encode(value); }, *doc) << '\n';
    return success;
}

// ---- command line --------------------------------------------------------------------

/// Splits the command line; returns a usage error message, empty when it is well formed.
std::string parse_arguments(int argc, char** argv, arguments& out) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return "missing command";
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (!options_done && (arg == "--help" || arg == "-h")) {
            out.help = true;
            return {};
        }
        if (i == 0) {
            out.command = arg;
        } else if (!options_done && arg == "--") {
            options_done = true;
        } else if (!options_done && arg == "--strict" && out.command == "check") {
            out.strict = true;
        } else if (!options_done && arg.size() > 1 && arg[0] == '-') {
            return "unknown option '" + arg + "'";
        } else {
            out.files.push_back(arg);
        }
    }
    if (out.command == "check") return out.files.empty() ? "check needs at least one FILE" : "";
    if (out.command == "show" || out.command == "normalize")
        return out.files.size() == 1 ? "" : out.command + " takes exactly one FILE";
    return "unknown command '" + out.command + "'";
}

int run(const arguments& args) {
    if (args.command == "show") return show(args.files.front());
    if (args.command == "normalize") return normalize(args.files.front());
    return check(args.files, args.strict);
}


/// `request ENDPOINT ...` and `response ENDPOINT ...`: their own files, their own options.
std::optional<int> run_endpoint_command(int argc, char** argv) {
    if (argc < 2) return std::nullopt;
    const std::string_view command = argv[1];
    if (command != "request" && command != "response") return std::nullopt;
    if (argc < 3 || std::string_view(argv[2]) == "--help" || std::string_view(argv[2]) == "-h") {
        std::cerr << "signalwire-call: " << command << " needs an ENDPOINT (retrieve, list)\n\n" << usage_text;
        return usage_error;
    }
    const std::string_view name = argv[2];
    const std::vector<std::string> rest(argv + 3, argv + argc);
    int status = usage_error;
    const bool known = signalwire_call::with_endpoint(name, [&](auto endpoint) {
        using R = decltype(endpoint);
        status = command == "request" ? signalwire_call::run_request<R>(name, rest)
                                      : signalwire_call::run_response<R>(name, rest);
    });
    if (!known) {
        std::cerr << "signalwire-call: unknown endpoint '" << name << "' (retrieve, list)\n";
        return usage_error;
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::string_view(argv[1]) == "export") return signalwire_call::run_export(std::vector<std::string>(argv + 2, argv + argc));
    if (const auto status = run_endpoint_command(argc, argv)) {
        std::cout.flush();
        return *status;
    }
    arguments args;
    if (const std::string error = parse_arguments(argc, argv, args); !error.empty()) {
        std::cerr << "signalwire-call: " << error << "\n\n" << usage_text;
        return usage_error;
    }
    if (args.help) {
        std::cout << usage_text;
        return success;
    }
    const int status = run(args);
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "signalwire-call: cannot write to standard output\n";
        return failure;
    }
    return status;
}

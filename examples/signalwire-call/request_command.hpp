// signalwire-call request ENDPOINT [--OPTION VALUE]...: builds the request of an
// endpoint of the schema (RetrieveCall, ListCalls) from the command line and prints its
// method, target and scopes, one per line. The options come from the endpoint's
// parameter tables (endpoint_traits<R>::path_params, ::query_params): each member name
// with '-' for '_' (`--account-sid`, `--start-time-after`, `--page-size`), so a schema
// change is a regeneration away. `--account` is short for `--account-sid`.
#pragma once

#include <signalwire/call.hpp>
#include <signalwire/request.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace signalwire_call {

template <class T>
struct optional_value {
    using type = T;
};
template <class T>
struct optional_value<std::optional<T>> {
    using type = T;
};

template <class T>
struct is_open_enum : std::false_type {};
template <class E>
struct is_open_enum<signalwire::open_enum<E>> : std::true_type {};

/// `account_sid` -> `--account-sid`.
inline std::string option_name(std::string_view member) {
    std::string out = "--";
    for (char c : member) out += c == '_' ? '-' : c;
    return out;
}

/// Sets the parameter `p` of `r` from the command line's `text`; the problem, or empty.
template <class R, class M>
std::string set_param(R& r, const signalwire::request_param<R, M>& p, const std::string& text) {
    using V = typename optional_value<M>::type;
    M& member = r.*(p.member);
    if constexpr (std::is_same_v<V, std::string>) {
        member = text;
    } else if constexpr (is_open_enum<V>::value) {
        member = V::from_wire(text);
    } else if constexpr (std::is_same_v<V, signalwire::date>) {
        auto d = signalwire::date::parse(text);
        if (!d) return d.error().to_string();
        member = *d;
    } else {
        static_assert(std::is_same_v<V, std::int32_t>, "a parameter type the CLI does not know");
        V value{};
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty())
            return "expected an integer from " + std::to_string(std::numeric_limits<V>::min()) + " to " +
                   std::to_string(std::numeric_limits<V>::max()) + ", got \"" + text + "\"";
        member = value;
    }
    return {};
}

/// Calls f(param) for each path and query parameter of R, path parameters first.
template <class R, class F>
void for_each_param(F&& f) {
    using traits = signalwire::endpoint_traits<R>;
    std::apply([&](const auto&... p) { (f(p), ...); }, traits::path_params);
    std::apply([&](const auto&... p) { (f(p), ...); }, traits::query_params);
}

/// The option list of `request NAME --help`, from the parameter tables.
template <class R>
std::string request_help(std::string_view name) {
    using traits = signalwire::endpoint_traits<R>;
    std::string out = "usage: signalwire-call request " + std::string(name) + " [--OPTION VALUE]...\n\n" +
                      std::string(traits::summary) + ": " + std::string(traits::method) + " " +
                      std::string(signalwire::api_base) + std::string(traits::path) + "\n\n";
    for_each_param<R>([&](const auto& p) {
        std::string line = "  " + option_name(p.member_name);
        line.resize(std::max<std::size_t>(line.size() + 1, 24), ' ');
        out += line + std::string(p.name);
        if (p.minimum && p.maximum)
            out += " (" + std::to_string(*p.minimum) + " to " + std::to_string(*p.maximum) + ")";
        else if (p.minimum)
            out += " (at least " + std::to_string(*p.minimum) + ")";
        if (p.kind == signalwire::param_kind::date) out += " (YYYY-MM-DD)";
        out += '\n';
    });
    return out;
}

/// Runs `request NAME ARGS...` for the endpoint R: 0 printed, 1 the request is refused,
/// 2 a usage error (printed with the endpoint's options).
template <class R>
int run_request(std::string_view name, const std::vector<std::string>& args) {
    R request{};
    std::vector<std::string> given;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string option = args[i];
        if (option == "--help" || option == "-h") {
            std::cout << request_help<R>(name);
            return 0;
        }
        std::optional<std::string> value;
        if (const auto eq = option.find('='); option.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = option.substr(eq + 1);
            option.resize(eq);
        }
        if (option == "--account") option = "--account-sid";
        bool known = false;
        std::string problem;
        for_each_param<R>([&](const auto& p) {
            if (known || option != option_name(p.member_name)) return;
            known = true;
            if (!value) {
                if (i + 1 >= args.size()) {
                    problem = option + " needs a value";
                    return;
                }
                value = args[++i];
            }
            for (const auto& g : given)
                if (g == option) problem = option + " is given twice";
            given.push_back(option);
            if (problem.empty())
                if (std::string bad = set_param(request, p, *value); !bad.empty()) problem = option + ": " + bad;
        });
        if (!known) problem = "unknown option '" + option + "' for request " + std::string(name);
        if (!problem.empty()) {
            std::cerr << "signalwire-call: " << problem << "\n\n" << request_help<R>(name);
            return 2;
        }
    }
    const auto target = request.target();
    if (!target) {
        std::cerr << "signalwire-call: request refused: " << target.error().to_string() << '\n';
        return 1;
    }
    std::cout << request.method() << '\n' << *target << '\n';
    std::string scopes;
    for (std::string_view scope : request.scopes()) scopes += (scopes.empty() ? "" : " ") + std::string(scope);
    std::cout << scopes << '\n';
    return 0;
}

/// The short name of an endpoint on the command line: its id's first word
/// (`retrieve_a_call` -> `retrieve`, `list_all_calls` -> `list`); the id works too.
template <class R>
bool names_endpoint(std::string_view name) {
    const std::string_view id = signalwire::endpoint_traits<R>::id;
    return name == id || name == id.substr(0, id.find('_'));
}

/// Calls f(R{}) for the endpoint of the schema named `name`; false when there is none.
template <class F>
bool with_endpoint(std::string_view name, F&& f) {
    if (names_endpoint<signalwire::RetrieveCall>(name)) {
        f(signalwire::RetrieveCall{});
        return true;
    }
    if (names_endpoint<signalwire::ListCalls>(name)) {
        f(signalwire::ListCalls{});
        return true;
    }
    return false;
}

}  // namespace signalwire_call

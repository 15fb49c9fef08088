// signalwire-call response ENDPOINT STATUS FILE [--strict]: decodes a saved response of
// an endpoint the way signalwire::decode_response does, by its HTTP status: the success
// model is printed as `show` prints it; an API error, a body that does not decode, or a
// status the endpoint does not list is reported on stderr (`FILE: HTTP 404: API error:
// 20404 ...`) with exit status 1.
#pragma once

#include "input.hpp"
#include "show.hpp"

#include <signalwire/call.hpp>
#include <signalwire/response.hpp>

#include <charconv>
#include <iostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace signalwire_call {

/// Runs `response NAME STATUS FILE [--strict]` for the endpoint R: 0 a success body,
/// 1 anything else (or the file cannot be read), 2 a usage error.
template <class R>
int run_response(std::string_view name, const std::vector<std::string>& args) {
    signalwire::decode_options options;
    std::vector<std::string> operands;
    for (const auto& arg : args) {
        if (arg == "--strict") options.strict = true;
        else if (arg.size() > 1 && arg[0] == '-') {
            std::cerr << "signalwire-call: unknown option '" << arg << "' for response\n";
            return 2;
        } else operands.push_back(arg);
    }
    if (operands.size() != 2) {
        std::cerr << "signalwire-call: usage: signalwire-call response " << name << " STATUS FILE [--strict]\n";
        return 2;
    }
    int status = 0;
    const std::string& status_text = operands[0];
    const auto [end, ec] = std::from_chars(status_text.data(), status_text.data() + status_text.size(), status);
    if (ec != std::errc() || end != status_text.data() + status_text.size() || status < 100 || status > 599) {
        std::cerr << "signalwire-call: STATUS must be an HTTP status from 100 to 599, not '" << status_text << "'\n";
        return 2;
    }
    const std::string& path = operands[1];
    std::string body;
    std::string reason;
    if (!read_input(path, options.max_size, body, reason)) {
        std::cerr << path << ": cannot read: " << reason << '\n';
        return 1;
    }
    const auto response = signalwire::decode_response<R>(status, body, options);
    if (const auto* model = response.if_success()) {
        using M = std::decay_t<decltype(*model)>;
        if constexpr (std::is_same_v<M, signalwire::CallList>) print_list(std::cout, *model);
        else print_call(std::cout, *model);
        return 0;
    }
    std::cerr << path << ": " << response.to_string() << '\n';
    return 1;
}

}  // namespace signalwire_call

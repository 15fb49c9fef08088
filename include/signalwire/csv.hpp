// signalwire/csv.hpp - CSV export of generated models: one row per model, one column per
// schema member, for spreadsheets and analysis tools.
//
//   std::string out;
//   signalwire::csv::append_header<signalwire::Call>(out);   // sid,account_sid,...,unknown_members\r\n
//   for (const auto& call : calls) signalwire::csv::append_row(out, call);
//
// Columns (csv::columns<T>()): every schema member of T in schema order, read from
// object_traits<T> (so a schema change is a regeneration away), with the members of a
// nested object flattened in its place, recursively, as `parent.child`
// (`subresource_uris.recordings`); then a last column, `unknown_members`.
//
// Values (RFC 4180: records end with CRLF; a field holding a comma, a double quote, a
// CR or an LF is quoted, its double quotes doubled; other bytes, UTF-8 included, are
// written as they are, and nothing is added before a leading `+`, `-`, `=` or `@`, so
// `+13105550142` stays a phone number):
//   - absent and null: empty (also every column of an absent nested object);
//   - strings as they are; enums by wire name (`in-progress`), an unknown value as it
//     was received; booleans `true`/`false`; integers in decimal;
//   - dates in RFC 3339, in UTC: `2026-01-05T17:04:11Z` (which spreadsheets read as a
//     date; the RFC 2822 text of the wire is not kept);
//   - decimals (`price`) with their exact digits as received (`-0.00650`);
//   - doubles (`audio_in_mos`) in their shortest exact form (`4.3`, `4.0`);
//   - arrays as their compact JSON;
//   - unknown_members: the unknown members as one compact JSON object, those of a
//     nested object under its name (`{"queue_time":"1000","subresource_uris":{"feedback":"..."}}`);
//     empty when there are none.
#ifndef SIGNALWIRE_CSV_HPP
#define SIGNALWIRE_CSV_HPP

#include <signalwire/version.hpp>

#include <signalwire/detail/csv_impl.hpp>
#include <signalwire/detail/json_writer.hpp>
#include <signalwire/model.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

SIGNALWIRE_NAMESPACE_BEGIN
namespace csv {

/// The name of the last column, after the schema's.
inline constexpr const char* unknown_members_column = "unknown_members";

/// The column names of T's rows, in order (see the top of this file).
template <class T>
std::vector<std::string> columns() {
    static_assert(is_model_v<T>, "csv::columns<T> takes a struct generated from the schema");
    std::vector<std::string> names;
    detail::csv::append_names<T>(names, {});
    names.emplace_back(unknown_members_column);
    return names;
}

/// Appends the header row, the column names, ended by CRLF.
template <class T>
void append_header(std::string& out) {
    detail::json_buffer buffer(out, 0);
    bool first = true;
    for (const auto& name : columns<T>()) {
        if (!first) buffer.put(',');
        first = false;
        detail::csv::append_field(buffer, name);
    }
    buffer.append("\r\n", 2);
    buffer.finish();
}

/// Appends one row for `model`, ended by CRLF. Into an empty string (cleared, its
/// capacity kept) it writes in place; after other text, through a temporary string
/// (the writer grows its output by doubling from the string's size).
template <class T>
void append_row(std::string& out, const T& model) {
    static_assert(is_model_v<T>, "csv::append_row takes a struct generated from the schema");
    if (!out.empty()) {
        std::string row;
        append_row(row, model);
        out.append(row);
        return;
    }
    std::string scratch;  // JSON of arrays and unknown members; allocates only for them
    detail::json_buffer buffer(out, 512);
    detail::csv::append_columns(buffer, &model, scratch);
    if (detail::csv::has_unknown_members(model)) {
        scratch.clear();
        detail::json_buffer json(scratch, 256);
        detail::csv::write_unknown_members(json, model);
        json.finish();
        detail::csv::append_field(buffer, scratch);
    }
    buffer.append("\r\n", 2);
    buffer.finish();
}

/// Writes the header row to `os`.
template <class T>
std::ostream& write_header(std::ostream& os) {
    std::string row;
    append_header<T>(row);
    return os.write(row.data(), static_cast<std::streamsize>(row.size()));
}

/// Writes one row to `os`.
template <class T>
std::ostream& write_row(std::ostream& os, const T& model) {
    std::string row;
    append_row(row, model);
    return os.write(row.data(), static_cast<std::streamsize>(row.size()));
}

}  // namespace csv
SIGNALWIRE_NAMESPACE_END

#endif

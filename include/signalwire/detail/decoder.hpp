// The decoder: a boost::json::basic_parser handler that fills the generated structs
// straight from the parser's events, with no DOM in between. Members the schema does
// not know are the exception: they are built into boost::json values and kept.
#ifndef SIGNALWIRE_DETAIL_DECODER_HPP
#define SIGNALWIRE_DETAIL_DECODER_HPP

#include <signalwire/decode_options.hpp>
#include <signalwire/detail/object_codec.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/error.hpp>

#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_stack.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace signalwire::detail {

/// Appends `/segment` to a JSON Pointer, escaping `~` and `/` as RFC 6901 says.
inline void append_pointer_segment(std::string& pointer, std::string_view segment) {
    pointer.push_back('/');
    for (char c : segment) {
        if (c == '~') pointer.append("~0", 2);
        else if (c == '/') pointer.append("~1", 2);
        else pointer.push_back(c);
    }
}

class decoder {
public:
    /// The deepest schema nesting (objects and arrays of the schema) a decoder fills.
    static constexpr std::size_t max_frames = 16;

    // basic_parser's handler limits: none beyond decode_options, which bound the input.
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    decoder(void* root, const object_vtable& root_table, const decode_options& options)
        : root_(root), root_table_(&root_table), state_{options, {}} {}

    bool failed() const noexcept { return failed_; }
    /// The handler's own error (a type or value error), once `failed()`.
    decode_error error() const { return {error_pointer_, state_.message}; }

    /// The pointer of the value being decoded now: where a parse error was found.
    std::string current_pointer() const { return pointer_through(stack_.size()); }

    // ---- basic_parser events --------------------------------------------------------
    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code& ec) {
        if (capture_depth_) return ++capture_depth_, true;
        if (stack_.empty()) {
            if (root_begun_) return fail_here("unexpected second value", ec);
            root_begun_ = true;
            stack_.push_back(object_frame(root_, root_table_));
            return true;
        }
        frame& top = stack_.back();
        if (top.k == frame::kind::array) {
            stack_.push_back(object_frame(top.elements->emplace_back(top.target), top.elements->element));
            return true;
        }
        if (top.field == unknown_field) return begin_capture();
        const object_vtable* child = nullptr;
        void* target = top.table->begin_object[top.field](top.target, child, state_);
        if (!target) return fail_here(ec);
        stack_.push_back(object_frame(target, child));
        return true;
    }

    bool on_object_end(std::size_t n, boost::system::error_code& ec) {
        if (capture_depth_) {
            capture_.push_object(n);
            return end_capture_level();
        }
        const frame& top = stack_.back();
        const std::uint64_t missing = top.table->required_mask & ~top.seen;
        if (missing) {
            std::size_t i = 0;
            while (!(missing >> i & 1)) ++i;
            std::string pointer = pointer_through(stack_.size() - 1);
            append_pointer_segment(pointer, top.table->names[i]);
            state_.message = "missing required member";
            return fail_at(std::move(pointer), ec);
        }
        stack_.pop_back();
        if (!stack_.empty() && stack_.back().k == frame::kind::array) ++stack_.back().index;
        return true;
    }

    bool on_array_begin(boost::system::error_code& ec) {
        if (capture_depth_) return ++capture_depth_, true;
        if (stack_.empty()) return fail_here("expected object, got array", ec);
        frame& top = stack_.back();
        if (top.k == frame::kind::array) return fail_here("expected object, got array", ec);
        if (top.field == unknown_field) return begin_capture();
        const array_vtable* elements = nullptr;
        void* target = top.table->begin_array[top.field](top.target, elements, state_);
        if (!target) return fail_here(ec);
        frame f;
        f.k = frame::kind::array;
        f.target = target;
        f.elements = elements;
        stack_.push_back(f);
        return true;
    }

    bool on_array_end(std::size_t n, boost::system::error_code&) {
        if (capture_depth_) {
            capture_.push_array(n);
            return end_capture_level();
        }
        stack_.pop_back();
        return true;
    }

    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        key_buf_.append(s.data(), s.size());
        return true;
    }

    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        const std::string_view key = assemble(key_buf_, s);
        if (capture_depth_) {
            capture_.push_key(key);
            key_buf_.clear();
            return true;
        }
        frame& top = stack_.back();
        const int index = top.table->find(key);
        bool ok = true;
        if (index >= 0) {
            top.field = index;
            if (top.seen >> index & 1) ok = fail_here("duplicate member", ec);
            top.seen |= std::uint64_t{1} << index;
        } else {
            top.field = unknown_field;
            unknown_key_.assign(key.data(), key.size());
            if (state_.options.strict) ok = fail_here("unknown member (strict mode accepts only schema members)", ec);
            else if (top.table->unknown_members(top.target).contains(key)) ok = fail_here("duplicate member", ec);
        }
        key_buf_.clear();
        return ok;
    }

    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        if (capture_depth_) capture_.push_chars(s);
        else str_buf_.append(s.data(), s.size());
        return true;
    }

    bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        if (capture_depth_) {
            capture_.push_string(s);
            return true;
        }
        scalar v;
        v.k = scalar::kind::string;
        v.text = assemble(str_buf_, s);
        const bool ok = on_scalar(v, ec);
        str_buf_.clear();
        return ok;
    }

    bool on_number_part(boost::json::string_view s, boost::system::error_code&) {
        num_buf_.append(s.data(), s.size());
        return true;
    }

    bool on_int64(std::int64_t i, boost::json::string_view s, boost::system::error_code& ec) {
        scalar v;
        v.k = scalar::kind::integer;
        v.i = i;
        return on_number(v, s, ec);
    }

    bool on_uint64(std::uint64_t u, boost::json::string_view s, boost::system::error_code& ec) {
        scalar v;
        v.k = scalar::kind::unsigned_integer;
        v.u = u;
        return on_number(v, s, ec);
    }

    bool on_double(double d, boost::json::string_view s, boost::system::error_code& ec) {
        scalar v;
        v.k = scalar::kind::floating;
        v.d = d;
        return on_number(v, s, ec);
    }

    bool on_bool(bool b, boost::system::error_code& ec) {
        scalar v;
        v.k = scalar::kind::boolean;
        v.b = b;
        return on_scalar(v, ec);
    }

    bool on_null(boost::system::error_code& ec) { return on_scalar(scalar{}, ec); }

private:
    static constexpr int unknown_field = -1;  // the current key is not in the schema
    static constexpr int no_field = -2;       // no key yet in this object

    struct frame {
        enum class kind : unsigned char { object, array };
        kind k = kind::object;
        void* target = nullptr;                   // the struct, or the vector
        const object_vtable* table = nullptr;     // object: the struct's table
        const array_vtable* elements = nullptr;   // array: how to add an element
        int field = no_field;                     // object: field of the current key
        std::uint64_t seen = 0;                   // object: fields present so far
        std::size_t index = 0;                    // array: index of the current element
    };

    static frame object_frame(void* target, const object_vtable* table) {
        frame f;
        f.target = target;
        f.table = table;
        return f;
    }

    /// A string delivered in parts is gathered in `buf`; one delivered whole is used in place.
    static std::string_view assemble(std::string& buf, boost::json::string_view last) {
        if (buf.empty()) return {last.data(), last.size()};
        buf.append(last.data(), last.size());
        return buf;
    }

    bool on_number(scalar& v, boost::json::string_view last, boost::system::error_code& ec) {
        if (capture_depth_) {
            num_buf_.clear();
            switch (v.k) {
                case scalar::kind::integer: capture_.push_int64(v.i); break;
                case scalar::kind::unsigned_integer: capture_.push_uint64(v.u); break;
                default: capture_.push_double(v.d); break;
            }
            return true;
        }
        v.text = assemble(num_buf_, last);
        const bool ok = on_scalar(v, ec);
        num_buf_.clear();
        return ok;
    }

    bool on_scalar(const scalar& v, boost::system::error_code& ec) {
        if (capture_depth_) {
            if (v.k == scalar::kind::null) capture_.push_null();
            else capture_.push_bool(v.b);  // strings and numbers never reach here in a capture
            return true;
        }
        if (stack_.empty()) return fail_here("expected object, got " + describe(v), ec);
        frame& top = stack_.back();
        if (top.k == frame::kind::array) return fail_here("expected object, got " + describe(v), ec);
        if (top.field == unknown_field) {
            top.table->unknown_members(top.target).emplace(unknown_key_, to_json_value(v));
            return true;
        }
        if (!top.table->on_scalar[top.field](top.target, v, state_)) return fail_here(ec);
        return true;
    }

    static boost::json::value to_json_value(const scalar& v) {
        switch (v.k) {
            case scalar::kind::null: return nullptr;
            case scalar::kind::boolean: return v.b;
            case scalar::kind::integer: return v.i;
            case scalar::kind::unsigned_integer: return v.u;
            case scalar::kind::floating: return v.d;
            case scalar::kind::string: return boost::json::string_view(v.text.data(), v.text.size());
        }
        return nullptr;
    }

    bool begin_capture() {
        capture_.reset();
        capture_depth_ = 1;
        return true;
    }

    bool end_capture_level() {
        if (--capture_depth_) return true;
        frame& top = stack_.back();
        top.table->unknown_members(top.target).emplace(unknown_key_, capture_.release());
        return true;
    }

    /// The pointer through the current child of each of the first `n` frames.
    std::string pointer_through(std::size_t n) const {
        std::string pointer;
        for (std::size_t i = 0; i < n; ++i) {
            const frame& f = stack_[i];
            if (f.k == frame::kind::array) pointer += '/' + std::to_string(f.index);
            else if (f.field >= 0) append_pointer_segment(pointer, f.table->names[f.field]);
            else if (f.field == unknown_field) append_pointer_segment(pointer, unknown_key_);
            else break;
        }
        return pointer;
    }

    bool fail_at(std::string pointer, boost::system::error_code& ec) {
        failed_ = true;
        error_pointer_ = std::move(pointer);
        ec = boost::json::error::exception;  // any error stops the parser; error() says what it was
        return false;
    }
    bool fail_here(boost::system::error_code& ec) { return fail_at(current_pointer(), ec); }
    bool fail_here(std::string message, boost::system::error_code& ec) {
        state_.message = std::move(message);
        return fail_here(ec);
    }

    void* root_;
    const object_vtable* root_table_;
    decode_state state_;
    /// One frame per object or array of the schema being filled (unknown values never
    /// get one), so the schema's own nesting bounds it: decode<T> checks
    /// nesting_depth<T> against max_frames at compile time.
    class frame_stack {
    public:
        bool empty() const noexcept { return size_ == 0; }
        std::size_t size() const noexcept { return size_; }
        frame& back() noexcept { return frames_[size_ - 1]; }
        const frame& back() const noexcept { return frames_[size_ - 1]; }
        const frame& operator[](std::size_t i) const noexcept { return frames_[i]; }
        void push_back(const frame& f) noexcept { frames_[size_++] = f; }
        void pop_back() noexcept { --size_; }

    private:
        frame frames_[max_frames];
        std::size_t size_ = 0;
    };
    frame_stack stack_;
    bool root_begun_ = false;
    bool failed_ = false;
    std::string error_pointer_;
    std::string key_buf_, str_buf_, num_buf_;  // values delivered in parts
    std::string unknown_key_;                  // key of the unknown member being read
    std::size_t capture_depth_ = 0;            // > 0 while building an unknown member's value
    boost::json::value_stack capture_;
};

}  // namespace signalwire::detail

#endif

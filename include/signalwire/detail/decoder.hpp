// The decoder: a boost::json::basic_parser handler that fills the generated structs
// straight from the parser's events, with no DOM in between. Members the schema does
// not know are the exception: they are built into boost::json values and kept.
#ifndef SIGNALWIRE_DETAIL_DECODER_HPP
#define SIGNALWIRE_DETAIL_DECODER_HPP

#include <signalwire/version.hpp>

#include <signalwire/decode_options.hpp>
#include <signalwire/detail/capture.hpp>
#include <signalwire/detail/number.hpp>
#include <signalwire/detail/object_codec.hpp>
#include <signalwire/detail/reserve_hint.hpp>
#include <signalwire/detail/value_codec.hpp>
#include <signalwire/error.hpp>

#include <boost/config.hpp>
#include <boost/core/no_exceptions_support.hpp>
#include <boost/json/error.hpp>
#include <boost/json/string_view.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

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

    /// `reuse`: the structs being filled hold values already (decode_into, decode_each):
    /// each object's unknown members are cleared when it begins and the members it
    /// lacks are reset when it ends. A decode into new structs skips both.
    decoder(void* root, const object_vtable& root_table, const decode_options& options, bool reuse = false)
        : root_(root), root_table_(&root_table), state_{options, {}}, reuse_(reuse) {}

    /// decode_each: the array value of the document's member `field` goes to `elements`
    /// (with `target` as its vector) instead of to the struct's own member.
    void stream_array(int field, void* target, const array_vtable& elements) noexcept {
        stream_field_ = field;
        stream_target_ = target;
        stream_elements_ = &elements;
    }
    /// An element_done callback asked to stop (the parser then reports an error, which
    /// is no error).
    bool stopped() const noexcept { return stopped_; }

    /// The bytes being parsed, when decoding text: lets an array of the schema reserve
    /// room for its elements once it has seen how long the first one is.
    void set_document(std::string_view json) noexcept { document_ = json; }

    bool failed() const noexcept { return failed_; }
    /// The handler's own error (a type or value error), once `failed()`.
    decode_error error() const { return {error_pointer_, state_.message}; }

    /// The pointer of the value being decoded now: where a parse error was found.
    std::string current_pointer() const {
        std::string pointer = pointer_through(stack_.size());
        if (capture_.active()) capture_.append_path(pointer, append_pointer_segment);
        return pointer;
    }

    // ---- basic_parser events --------------------------------------------------------
    // The hot path of each event is a few branches and one call through the struct's
    // table; everything rare (unknown members, parts, errors) is out of line.
    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

    bool on_object_begin(boost::system::error_code& ec) {
        frame& top = stack_.back();
        if (BOOST_LIKELY(top.field >= 0)) {
            const object_vtable* child = nullptr;
            const field_entry& f = top.table->fields[top.field];
            void* target = f.ops->begin_object(top.table->member(top.target, top.field), f, child, state_);
            if (BOOST_UNLIKELY(!target)) return fail_here(ec);
            push_object(target, child);
            return true;
        }
        return on_other_object_begin(ec);
    }

    bool on_object_end(std::size_t, boost::system::error_code& ec) {
        if (BOOST_UNLIKELY(capture_.active())) return end_capture_level(ec);
        const frame& top = stack_.back();
        if (BOOST_UNLIKELY((top.table->required_mask & ~top.seen) != 0)) return fail_missing_member(ec);
        if (reuse_ && top.seen != top.table->all_mask) reset_unseen(top);
        void* const done = top.target;
        stack_.pop_back();
        const frame& parent = stack_.back();
        if (BOOST_UNLIKELY(parent.k == frame::kind::array && parent.elements->element_done))
            if (!parent.elements->element_done(parent.target, done)) return stop(ec);
        end_of_value();
        return true;
    }

    bool on_array_begin(boost::system::error_code& ec) {
        frame& top = stack_.back();
        if (BOOST_LIKELY(top.field >= 0)) {
            const array_vtable* elements = nullptr;
            const field_entry& f = top.table->fields[top.field];
            void* target = f.ops->begin_array(top.table->member(top.target, top.field), f, elements, state_);
            if (BOOST_UNLIKELY(!target)) return fail_here(ec);
            if (BOOST_UNLIKELY(top.field == stream_field_ && stack_.size() == 2)) {
                target = stream_target_;
                elements = stream_elements_;
            }
            frame array;
            array.k = frame::kind::array;
            array.target = target;
            array.elements = elements;
            stack_.push_back(array);
            return true;
        }
        return on_other_array_begin(ec);
    }

    bool on_array_end(std::size_t, boost::system::error_code& ec) {
        if (BOOST_UNLIKELY(capture_.active())) return end_capture_level(ec);
        const frame& top = stack_.back();
        top.elements->finish(top.target, top.index);
        stack_.pop_back();
        end_of_value();
        return true;
    }

    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        key_buf_.append(s.data(), s.size());
        return true;
    }

    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        if (BOOST_UNLIKELY(capture_.active() || !key_buf_.empty())) return on_key_slow(s, ec);
        return on_whole_key(std::string_view(s.data(), s.size()), ec);
    }

    bool on_string_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        str_buf_.append(s.data(), s.size());
        return true;
    }

    bool on_string(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        if (BOOST_UNLIKELY(capture_.active() || !str_buf_.empty())) return on_string_slow(s, ec);
        scalar v;
        v.k = scalar::kind::string;
        v.text = std::string_view(s.data(), s.size());
        return on_scalar(v, ec);
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
    static constexpr int no_field = -2;       // between members, or not an object

    struct frame {
        enum class kind : unsigned char { document, object, array };
        kind k = kind::document;                  // the bottom frame stands for the document
        void* target = nullptr;                   // the struct, or the vector
        const object_vtable* table = nullptr;     // object: the struct's table
        const array_vtable* elements = nullptr;   // array: how to add an element
        int field = no_field;                     // object: field of the current member
        bool measure = false;                     // object: element 0 or 1 of an array, see size_hint
        std::uint64_t seen = 0;                   // object: fields present so far
        std::size_t index = 0;                    // array: index of the current element
        const char* first_element = nullptr;      // array: where element 0's first key was
    };

    static frame object_frame(void* target, const object_vtable* table) {
        frame f;
        f.k = frame::kind::object;
        f.target = target;
        f.table = table;
        return f;
    }

    frame& push_object(void* target, const object_vtable* table) {
        if (reuse_) table->unknown_members(target).clear();
        stack_.push_back(object_frame(target, table));
        return stack_.back();
    }

    /// decode_into: the members this object did not have go back to their default.
    BOOST_NOINLINE static void reset_unseen(const frame& f) noexcept {
        const std::uint64_t unseen = f.table->all_mask & ~f.seen;
        for (int i = 0; i < 64; ++i)
            if (unseen >> i & 1) f.table->fields[i].ops->reset(f.table->member(f.target, i));
    }

    BOOST_NOINLINE bool stop(boost::system::error_code& ec) noexcept {
        stopped_ = true;
        ec = boost::json::error::exception;
        return false;
    }

    /// A member's or element's value is complete: an error from here until the next key
    /// (a bad key, say) belongs to the enclosing object, not to the member just read.
    void end_of_value() noexcept {
        frame& top = stack_.back();
        if (top.k == frame::kind::array) ++top.index;
        else top.field = no_field;
    }

    bool on_whole_key(std::string_view key, boost::system::error_code& ec) {
        frame& top = stack_.back();
        if (BOOST_UNLIKELY(top.measure)) size_hint(key.data());
        const int index = top.table->find(key);
        if (BOOST_UNLIKELY(index < 0)) return on_unknown_key(key, ec);
        const std::uint64_t bit = std::uint64_t{1} << index;
        top.field = index;
        if (BOOST_UNLIKELY((top.seen & bit) != 0)) return fail_here("duplicate member", ec);
        top.seen |= bit;
        return true;
    }

    bool on_number(scalar& v, boost::json::string_view last, boost::system::error_code& ec) {
        if (BOOST_LIKELY(num_buf_.empty())) {
            v.text = std::string_view(last.data(), last.size());
        } else {
            num_buf_.append(last.data(), last.size());
            v.text = num_buf_;
        }
        if (v.k == scalar::kind::floating) v.d = correctly_rounded(v.text, v.d);  // number.hpp
        const bool ok = on_scalar(v, ec);
        num_buf_.clear();
        return ok;
    }

    bool on_scalar(const scalar& v, boost::system::error_code& ec) {
        frame& top = stack_.back();
        if (BOOST_LIKELY(top.field >= 0)) {
            const field_entry& f = top.table->fields[top.field];
            if (BOOST_UNLIKELY(!f.ops->on_scalar(top.table->member(top.target, top.field), f, v, state_)))
                return fail_here(ec);
            top.field = no_field;
            return true;
        }
        return on_other_scalar(v, ec);
    }

    // ---- out of line: rare events ----------------------------------------------------

    /// An array of the schema reserves once the first key of element 1 shows how many
    /// bytes element 0 took (reserve_hint.hpp says why and how much).
    BOOST_NOINLINE void size_hint(const char* key) noexcept {
        stack_.back().measure = false;
        frame& array = stack_.parent();
        const char* begin = document_.data();
        const char* end = begin + document_.size();
        const std::less<const char*> before;  // a total order, for pointers into different buffers too
        if (before(key, begin) || !before(key, end)) return;  // a key assembled from parts: no position
        if (array.index == 0) {
            array.first_element = key;
        } else if (array.first_element) {
            const std::size_t estimate = element_count_estimate(array.index, static_cast<std::size_t>(key - array.first_element),
                                                                static_cast<std::size_t>(end - key));
            if (!array.elements->reserve) return;
            // Under -fno-exceptions (BOOST_NO_EXCEPTIONS) nothing is caught: a failed
            // allocation ends the program there, as any other would.
            BOOST_TRY {
                // Element 1 may move: its frame (the top one, no member begun yet) follows it.
                stack_.back().target = array.elements->reserve(array.target, estimate, array.index);
            }
            BOOST_CATCH(...) {  // only a hint: growth goes on as usual
            }
            BOOST_CATCH_END
        }
    }

    BOOST_NOINLINE bool on_key_slow(boost::json::string_view last, boost::system::error_code& ec) {
        std::string key = std::move(key_buf_);
        key_buf_.clear();
        key.append(last.data(), last.size());
        if (capture_.active()) {
            capture_.set_key(key);
            return true;
        }
        return on_whole_key(key, ec);
    }

    BOOST_NOINLINE bool on_unknown_key(std::string_view key, boost::system::error_code& ec) {
        frame& top = stack_.back();
        top.field = unknown_field;
        unknown_key_.assign(key.data(), key.size());
        if (state_.options.strict) return fail_here("unknown member (strict mode accepts only schema members)", ec);
        if (top.table->unknown_members(top.target).contains(key)) return fail_here("duplicate member", ec);
        return true;
    }

    BOOST_NOINLINE bool on_string_slow(boost::json::string_view last, boost::system::error_code& ec) {
        scalar v;
        v.k = scalar::kind::string;
        if (str_buf_.empty()) {
            v.text = std::string_view(last.data(), last.size());
        } else {
            str_buf_.append(last.data(), last.size());
            v.text = str_buf_;
        }
        const bool ok = on_scalar(v, ec);
        str_buf_.clear();
        return ok;
    }

    /// An object that is not the value of a known member: the document, an element of
    /// an array of the schema, or (the start of) a member the schema does not know.
    BOOST_NOINLINE bool on_other_object_begin(boost::system::error_code& ec) {
        frame& top = stack_.back();
        if (capture_.active() || top.field == unknown_field) {
            capture_.begin_object();
            return true;
        }
        if (top.k == frame::kind::document) {
            push_object(root_, root_table_);
            return true;
        }
        if (top.k == frame::kind::array) {
            if (!top.elements->element) return fail_element("object", ec);
            frame& element = push_object(top.elements->element_at(top.target, top.index), top.elements->element);
            element.measure = top.index < 2 && !document_.empty();
            return true;
        }
        return fail_here("expected a member name", ec);  // unreachable: the parser sends keys first
    }

    BOOST_NOINLINE bool on_other_array_begin(boost::system::error_code& ec) {
        const frame& top = stack_.back();
        if (capture_.active() || top.field == unknown_field) {
            capture_.begin_array();
            return true;
        }
        if (top.k == frame::kind::array) return fail_element("array", ec);
        return fail_here("expected object, got array", ec);  // the document
    }

    /// An element of the wrong JSON type: `expected string, got object`.
    BOOST_NOINLINE bool fail_element(std::string_view got, boost::system::error_code& ec) {
        const frame& top = stack_.back();
        top.elements->wrong_element(got, state_);
        return fail_here(ec);
    }

    /// A scalar that is not the value of a known member: part of an unknown member,
    /// an unknown member's whole value, or misplaced (the document, an array element).
    BOOST_NOINLINE bool on_other_scalar(const scalar& v, boost::system::error_code& ec) {
        frame& top = stack_.back();
        if (!capture_.active() && top.k == frame::kind::array) {
            if (!top.elements->on_scalar) return fail_element(describe(v), ec);
            if (!top.elements->on_scalar(top.target, top.index, v, state_)) return fail_here(ec);
            end_of_value();
            return true;
        }
        if (!capture_.active() && top.field != unknown_field)
            return fail_here("expected object, got " + describe(v), ec);
        if (v.k == scalar::kind::floating && !std::isfinite(v.d))
            return fail_here("number " + std::string(v.text.substr(0, 40)) + " is out of range for a double", ec);
        if (capture_.active()) {
            if (!capture_.add(to_json_value(v))) return fail_here("duplicate member", ec);
            return true;
        }
        top.table->unknown_members(top.target).emplace(unknown_key_, to_json_value(v));
        top.field = no_field;
        return true;
    }

    BOOST_NOINLINE bool end_capture_level(boost::system::error_code& ec) {
        bool complete = false;
        if (!capture_.end(complete)) return fail_here("duplicate member", ec);
        if (complete) {
            frame& top = stack_.back();
            top.table->unknown_members(top.target).emplace(unknown_key_, capture_.take());
            top.field = no_field;
        }
        return true;
    }

    BOOST_NOINLINE bool fail_missing_member(boost::system::error_code& ec) {
        const frame& top = stack_.back();
        const std::uint64_t missing = top.table->required_mask & ~top.seen;
        std::size_t i = 0;
        while (!(missing >> i & 1)) ++i;
        std::string pointer = pointer_through(stack_.size() - 1);
        append_pointer_segment(pointer, top.table->names[i]);
        state_.message = "missing required member";
        return fail_at(std::move(pointer), ec);
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

    /// The pointer through the current child of each of the first `n` frames (the
    /// document frame, at the bottom, has no name).
    std::string pointer_through(std::size_t n) const {
        std::string pointer;
        for (std::size_t i = 1; i < n; ++i) {
            const frame& f = stack_[i];
            if (f.k == frame::kind::array) pointer += '/' + std::to_string(f.index);
            else if (f.field >= 0) append_pointer_segment(pointer, f.table->names[f.field]);
            else if (f.field == unknown_field) append_pointer_segment(pointer, unknown_key_);
            else break;
        }
        return pointer;
    }

    BOOST_NOINLINE bool fail_at(std::string pointer, boost::system::error_code& ec) {
        failed_ = true;
        error_pointer_ = std::move(pointer);
        ec = boost::json::error::exception;  // any error stops the parser; error() says what it was
        return false;
    }
    BOOST_NOINLINE bool fail_here(boost::system::error_code& ec) { return fail_at(current_pointer(), ec); }
    BOOST_NOINLINE bool fail_here(std::string message, boost::system::error_code& ec) {
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
        std::size_t size() const noexcept { return size_; }
        frame& back() noexcept { return frames_[size_ - 1]; }
        const frame& back() const noexcept { return frames_[size_ - 1]; }
        const frame& operator[](std::size_t i) const noexcept { return frames_[i]; }
        frame& parent() noexcept { return frames_[size_ - 2]; }
        void push_back(const frame& f) noexcept { frames_[size_++] = f; }
        void pop_back() noexcept { --size_; }

    private:
        frame frames_[max_frames + 1];  // + the document frame
        std::size_t size_ = 1;
    };
    frame_stack stack_;
    std::string_view document_;
    bool failed_ = false;
    std::string error_pointer_;
    std::string key_buf_, str_buf_, num_buf_;  // values delivered in parts
    std::string unknown_key_;                  // key of the unknown member being read
    capture capture_;                          // the value of that member, while it is an object or array
    bool reuse_ = false;
    bool stopped_ = false;
    int stream_field_ = no_field;              // decode_each: the root member streamed (none: no_field)
    void* stream_target_ = nullptr;
    const array_vtable* stream_elements_ = nullptr;
};

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif

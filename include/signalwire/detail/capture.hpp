// Building the value of a member the schema does not know, from parser events, into a
// boost::json::value that is kept in the struct's `unknown_members`. Unlike
// boost::json::value_stack it rejects duplicate keys (the same policy as everywhere
// else) and knows where it is, so errors inside an unknown value have a full pointer.
#ifndef SIGNALWIRE_DETAIL_CAPTURE_HPP
#define SIGNALWIRE_DETAIL_CAPTURE_HPP

#include <signalwire/version.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

SIGNALWIRE_NAMESPACE_BEGIN
namespace detail {

class capture {
public:
    /// True between the start of an unknown object or array value and its end.
    bool active() const noexcept { return !levels_.empty(); }

    void begin_object() { levels_.push_back(level{boost::json::object(), {}, false}); }
    void begin_array() { levels_.push_back(level{boost::json::array(), {}, false}); }

    void set_key(std::string_view key) {
        level& l = levels_.back();
        l.key.assign(key.data(), key.size());
        l.has_key = true;
    }

    /// Adds a finished value to the innermost container. False when its key is already
    /// there (a duplicate member).
    bool add(boost::json::value v) {
        level& l = levels_.back();
        if (auto* object = l.container.if_object()) {
            if (!object->emplace(l.key, std::move(v)).second) return false;  // the key stays, for the pointer
            l.has_key = false;
            return true;
        }
        l.container.get_array().push_back(std::move(v));
        return true;
    }

    /// Ends the innermost container and adds it to the one around it. Sets `complete`
    /// when that was the outermost: take() then gives the whole value. False on a
    /// duplicate member.
    bool end(bool& complete) {
        boost::json::value v = std::move(levels_.back().container);
        levels_.pop_back();
        complete = levels_.empty();
        if (complete) {
            done_ = std::move(v);
            return true;
        }
        return add(std::move(v));
    }

    boost::json::value take() { return std::move(done_); }

    /// Appends the pointer segments of the current position inside the value.
    template <class AppendSegment>
    void append_path(std::string& pointer, AppendSegment append_segment) const {
        for (const level& l : levels_) {
            if (const auto* array = l.container.if_array()) append_segment(pointer, std::to_string(array->size()));
            else if (l.has_key) append_segment(pointer, l.key);
            else break;
        }
    }

private:
    struct level {
        boost::json::value container;  // the object or array being filled
        std::string key;               // object: the key of the member being read
        bool has_key;
    };
    std::vector<level> levels_;
    boost::json::value done_;
};

}  // namespace detail
SIGNALWIRE_NAMESPACE_END

#endif

#!/usr/bin/env python3
"""The version is written in three places that must agree: meson.build's project version
(passed as the first argument), include/signalwire/version.hpp (the three numbers, the
string, the ABI namespace v<major>_<minor>_<patch>; CMakeLists.txt reads it from there) and
CHANGELOG.md (a section for it).

    tests/consumers/check_version.py VERSION SOURCE_TREE
"""

import re
import sys
from pathlib import Path


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    version, source = sys.argv[1], Path(sys.argv[2])
    errors = []
    parts = version.split('.')
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        errors.append(f'meson.build: version {version!r} is not MAJOR.MINOR.PATCH')
        parts = ['?', '?', '?']

    header = source / 'include' / 'signalwire' / 'version.hpp'
    text = header.read_text()

    def define(name, pattern):
        match = re.search(rf'^#define {name} +{pattern} *$', text, re.M)
        if not match:
            errors.append(f'{header}: no #define {name}')
            return None
        return match.group(1)

    expected = {
        'SIGNALWIRE_MODELS_VERSION_MAJOR': (r'(\d+)', str(int(parts[0])) if parts[0].isdigit() else '?'),
        'SIGNALWIRE_MODELS_VERSION_MINOR': (r'(\d+)', str(int(parts[1])) if parts[1].isdigit() else '?'),
        'SIGNALWIRE_MODELS_VERSION_PATCH': (r'(\d+)', str(int(parts[2])) if parts[2].isdigit() else '?'),
        'SIGNALWIRE_MODELS_VERSION_STRING': (r'"([^"]*)"', version),
        'SIGNALWIRE_ABI_NAMESPACE': (r'(\w+)', 'v' + '_'.join(parts)),
    }
    for name, (pattern, want) in expected.items():
        got = define(name, pattern)
        if got is not None and got != want:
            errors.append(f'{header}: {name} is {got}, meson.build says {want} (version {version})')

    changelog = source / 'CHANGELOG.md'
    if not changelog.is_file():
        errors.append(f'{changelog}: missing')
    elif not re.search(rf'^## \[{re.escape(version)}\]', changelog.read_text(), re.M):
        errors.append(f'{changelog}: no "## [{version}]" section')

    for error in errors:
        print(error, file=sys.stderr)
    if not errors:
        print(f'version {version}: meson.build, version.hpp and CHANGELOG.md agree')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())

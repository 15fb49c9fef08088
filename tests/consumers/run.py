#!/usr/bin/env python3
"""Consumer tests: builds small projects that use signalwire-models the ways README.md's
"Integration" section shows, each in a temporary directory, and runs their programs.

    tests/consumers/run.py SOURCE_TREE [CONSUMER...]     (no CONSUMER: all of them)
    tests/consumers/run.py --list

Each consumer is one function below, registered with @consumer, and most have a
directory of the same name here holding the project's build files (the README's
snippets are copied from them); `main.cpp` here is the program of those that do not
bring their own. The program decodes examples/sample-call.json and prints the version,
the sid and the status, which check_program() compares with what the source tree says.

Shared fixtures are built once per run, on first use: Context.meson_stage() is a
`meson install --destdir` of a fresh meson build of the source tree (-Dtests=false),
Context.cmake_stage() a `cmake --install` of the source tree's CMakeLists.txt.

To add a consumer: write `@consumer('name') def name(ctx): ...` (ctx.project(name) copies
tests/consumers/<name>/ into the temporary directory), and add it to a test in
tests/consumers/meson.build. Every command's output is printed only when it fails; the
time of each consumer is printed at the end.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Flags every consumer build gets (CXXFLAGS): the headers must compile cleanly in a
# consumer's build, at the usual warning levels.
CONSUMER_CXXFLAGS = '-Wall -Wextra -Wpedantic -Werror'

CONSUMERS = {}


def consumer(name):
    """Registers a consumer: a function taking a Context."""
    def register(function):
        CONSUMERS[name] = function
        return function
    return register


class Failure(Exception):
    pass


def ignore_build_trees(directory, names):
    """shutil.copytree filter: leaves out VCS data, caches and build directories (meson's
    and CMake's, wherever they are, and the project's build* convention at the top)."""
    ignored = {n for n in names if n in ('.git', '__pycache__', '.cache') or n.endswith('.pyc')}
    for n in names:
        path = os.path.join(directory, n)
        if os.path.isdir(path) and (n.startswith('build')
                                    or os.path.exists(os.path.join(path, 'meson-private'))
                                    or os.path.exists(os.path.join(path, 'CMakeCache.txt'))):
            ignored.add(n)
    return ignored


class Context:
    def __init__(self, source, work):
        self.source = source
        self.work = work
        self.sample = source / 'examples' / 'sample-call.json'
        self._meson_stage = None
        self._cmake_stage = None
        self.env = dict(os.environ, CXXFLAGS=CONSUMER_CXXFLAGS)
        for variable in ('PKG_CONFIG_PATH', 'PKG_CONFIG_SYSROOT_DIR', 'CMAKE_PREFIX_PATH', 'DESTDIR'):
            self.env.pop(variable, None)

    # -- running things ---------------------------------------------------------------

    def run(self, command, cwd=None, env=None, shell=False):
        """Runs a command; returns its output (stdout and stderr), raises Failure on a
        non-zero exit with the command and its output."""
        shown = command if shell else ' '.join(shlex.quote(str(c)) for c in command)
        result = subprocess.run(command if shell else [str(c) for c in command],
                                cwd=cwd, env=env or self.env, shell=shell,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors='replace')
        if result.returncode != 0:
            raise Failure(f'`{shown}` (in {cwd or os.getcwd()}) exited with {result.returncode}:\n'
                          f'{result.stdout}')
        return result.stdout

    def project(self, name, into=None):
        """Copies tests/consumers/<name>/ into the work directory (as `into`), with
        main.cpp when the project has none; returns the copy's path."""
        dest = self.work / (into or name)
        shutil.copytree(HERE / name, dest)
        if not (dest / 'main.cpp').exists():
            shutil.copy2(HERE / 'main.cpp', dest / 'main.cpp')
        return dest

    def copy_source(self, dest):
        """A copy of the source tree without its build directories or .git."""
        shutil.copytree(self.source, dest, ignore=ignore_build_trees, symlinks=True)
        return dest

    # -- what the programs must print ------------------------------------------------

    def version(self):
        text = (self.source / 'include' / 'signalwire' / 'version.hpp').read_text()
        match = re.search(r'^#define SIGNALWIRE_MODELS_VERSION_STRING "([^"]+)"', text, re.M)
        if not match:
            raise Failure('include/signalwire/version.hpp: no SIGNALWIRE_MODELS_VERSION_STRING')
        return match.group(1)

    def expected_output(self):
        sample = json.loads(self.sample.read_text())
        return (f'signalwire-models {self.version()}\n'
                f'sid {sample["sid"]}\n'
                f'status {sample["status"]}\n')

    def check_program(self, exe):
        out = self.run([exe, self.sample])
        if out != self.expected_output():
            raise Failure(f'{exe} printed:\n{out}\nexpected:\n{self.expected_output()}')

    # -- shared fixtures -------------------------------------------------------------

    def meson_stage(self):
        """A fresh meson build of the source tree, installed with --destdir; returns the
        staged prefix (the meson default, /usr/local, under the staging directory)."""
        if self._meson_stage is None:
            build = self.work / 'meson-build'
            stage = self.work / 'meson-stage'
            env = dict(self.env)
            env.pop('CXXFLAGS')   # the project's own flags: warnings as errors already
            self.run(['meson', 'setup', build, self.source, '-Dtests=false', '--prefix', '/usr/local'], env=env)
            self.run(['meson', 'install', '-C', build, '--destdir', stage], env=env)
            prefix = stage / 'usr' / 'local'
            self.check_installed_headers(prefix)
            cli = prefix / 'bin' / 'signalwire-call'
            if not cli.is_file():
                raise Failure(f'meson install did not install the CLI ({cli})')
            self.run([cli, 'check', self.sample])
            self._meson_stage = prefix
        return self._meson_stage

    def cmake_stage(self):
        """CMake's install of the source tree's CMakeLists.txt into a prefix of its own
        (configure and install only: there is nothing to compile)."""
        if self._cmake_stage is None:
            build = self.work / 'cmake-build'
            prefix = self.work / 'cmake-prefix'
            self.run(['cmake', '-S', self.source, '-B', build, '-G', 'Ninja', f'-DCMAKE_INSTALL_PREFIX={prefix}'])
            self.run(['cmake', '--install', build])
            self.check_installed_headers(prefix)
            self._cmake_stage = prefix
        return self._cmake_stage

    def check_installed_headers(self, prefix):
        """Every file of include/signalwire/ (detail/ and call.hpp included) is installed
        as it is in the source tree, and the package files are there."""
        headers = self.source / 'include' / 'signalwire'
        for path in sorted(headers.rglob('*')):
            if path.is_file():
                installed = prefix / 'include' / 'signalwire' / path.relative_to(headers)
                if not installed.is_file():
                    raise Failure(f'not installed: {installed}')
                if installed.read_bytes() != path.read_bytes():
                    raise Failure(f'installed {installed} differs from {path}')
        for pattern in ('lib*/**/cmake/signalwire-models/signalwire-modelsConfig.cmake',
                        'lib*/**/cmake/signalwire-models/signalwire-modelsConfigVersion.cmake',
                        'lib*/**/pkgconfig/signalwire-models.pc'):
            if not list(prefix.glob(pattern)):
                raise Failure(f'no {pattern} under {prefix}')

    # -- building ---------------------------------------------------------------------

    def cmake_build(self, project, *configure_args):
        build = project / 'build'
        self.run(['cmake', '-S', project, '-B', build, '-G', 'Ninja', *configure_args])
        self.run(['cmake', '--build', build])
        return build / 'consumer'


# -- the consumers ----------------------------------------------------------------------

@consumer('cmake-find-package')
def cmake_find_package(ctx):
    """find_package(signalwire-models CONFIG) against the staged `meson install`."""
    project = ctx.project('cmake-find-package')
    ctx.check_program(ctx.cmake_build(project, f'-DCMAKE_PREFIX_PATH={ctx.meson_stage()}'))


@consumer('cmake-find-package-cmake-install')
def cmake_find_package_cmake_install(ctx):
    """The same project against CMake's own install of the source tree, which must
    install the same files as meson's (the CLI apart)."""
    def files(prefix):
        # GNUInstallDirs and meson may pick different library directories (lib and
        # lib/x86_64-linux-gnu): compared as LIBDIR.
        return sorted(re.sub(r'^lib[^/]*/(?:[^/]+/)?(cmake|pkgconfig)/', r'LIBDIR/\1/', str(p.relative_to(prefix)))
                      for p in prefix.rglob('*') if p.is_file() and p.parts[len(prefix.parts)] != 'bin')
    cmake_files, meson_files = files(ctx.cmake_stage()), files(ctx.meson_stage())
    if cmake_files != meson_files:
        raise Failure('CMake and meson install different files:\n  cmake: '
                      + '\n         '.join(cmake_files) + '\n  meson: ' + '\n         '.join(meson_files))
    (pc,) = ctx.cmake_stage().glob('lib*/**/pkgconfig/signalwire-models.pc')
    cflags = ctx.run(['pkg-config', '--cflags', 'signalwire-models'],
                     env=dict(ctx.env, PKG_CONFIG_PATH=str(pc.parent))).split()
    want = (ctx.cmake_stage() / 'include').resolve()
    if not any(f.startswith('-I') and Path(f[2:]).resolve() == want for f in cflags):
        raise Failure(f'CMake\'s signalwire-models.pc gives {cflags}, not -I{want}')
    project = ctx.project('cmake-find-package', into='cmake-find-package-cmake-install')
    ctx.check_program(ctx.cmake_build(project, f'-DCMAKE_PREFIX_PATH={ctx.cmake_stage()}'))


@consumer('cmake-version-file')
def cmake_version_file(ctx):
    """signalwire-modelsConfigVersion.cmake accepts the requests it should (0.x: same
    minor), without building anything: find_package() in a configure-only project."""
    prefix = ctx.meson_stage()
    major, minor, patch = ctx.version().split('.')
    next_minor = f'{major}.{int(minor) + 1}'
    cases = [
        ('', True), (f'{major}', True), (f'{major}.{minor}', True), (ctx.version(), True),
        (f'{major}.{minor}.{int(patch) + 1}', False), (next_minor, False),
        (f'{int(major) + 1}.0', False),
        (f'{major}.{minor}...{next_minor}', True), (f'{next_minor}...{int(major) + 2}.0', False),
    ]
    if minor != '0':
        cases.append((f'{major}.{int(minor) - 1}', major != '0'))
    project = ctx.work / 'cmake-version-file'
    project.mkdir()
    lines = ['cmake_minimum_required(VERSION 3.19)', 'project(versions LANGUAGES CXX)']
    for i, (request, _) in enumerate(cases):
        lines += [f'find_package(signalwire-models {request} CONFIG QUIET)',
                  f'message(STATUS "request {i}: ${{signalwire-models_FOUND}}")',
                  'unset(signalwire-models_FOUND)', 'unset(signalwire-models_DIR CACHE)']
    (project / 'CMakeLists.txt').write_text('\n'.join(lines) + '\n')
    out = ctx.run(['cmake', '-S', project, '-B', project / 'build', f'-DCMAKE_PREFIX_PATH={prefix}'])
    for i, (request, accepted) in enumerate(cases):
        found = re.search(rf'request {i}: (\S*)', out)
        got = bool(found) and found.group(1) in ('1', 'TRUE', 'ON')
        if got != accepted:
            raise Failure(f'find_package(signalwire-models {request or "(no version)"}): found={got}, '
                          f'expected {accepted} (version {ctx.version()})\n{out}')


@consumer('cmake-subdirectory')
def cmake_subdirectory(ctx):
    """add_subdirectory() of the source tree."""
    project = ctx.project('cmake-subdirectory')
    (project / 'third_party').mkdir()
    (project / 'third_party' / 'signalwire-models').symlink_to(ctx.source, target_is_directory=True)
    ctx.check_program(ctx.cmake_build(project))


@consumer('cmake-fetchcontent')
def cmake_fetchcontent(ctx):
    """FetchContent_MakeAvailable(), pointed at the source tree instead of the network."""
    project = ctx.project('cmake-fetchcontent')
    ctx.check_program(ctx.cmake_build(project, f'-DFETCHCONTENT_SOURCE_DIR_SIGNALWIRE-MODELS={ctx.source}',
                                      '-DFETCHCONTENT_FULLY_DISCONNECTED=ON'))


@consumer('meson-subproject')
def meson_subproject(ctx):
    """dependency('signalwire-models') from a copy in subprojects/ with the README's wrap
    file; then, configure only, the copy without the wrap. The subproject must build
    nothing and need neither Python nor doctest."""
    project = ctx.project('meson-subproject')
    ctx.copy_source(project / 'subprojects' / 'signalwire-models')
    build = project / 'build'
    out = ctx.run(['meson', 'setup', build, project, '--wrap-mode=nodownload',
                   '--force-fallback-for=signalwire-models'])
    subproject_lines = [line for line in out.splitlines() if line.startswith('signalwire-models|')]
    for unwanted in ('python', 'doctest'):
        if any(unwanted in line.lower() for line in subproject_lines):
            raise Failure(f'the subproject looks for {unwanted}:\n{out}')
    if 'signalwire-models| Build targets in project: 0' not in subproject_lines:
        raise Failure(f'the subproject defines build targets:\n{out}')
    ctx.run(['meson', 'compile', '-C', build])
    ctx.check_program(build / 'consumer')

    (project / 'subprojects' / 'signalwire-models.wrap').unlink()
    out = ctx.run(['meson', 'setup', project / 'build-plain', project, '--wrap-mode=nodownload',
                   '--force-fallback-for=signalwire-models'])
    if 'Dependency signalwire-models found: YES' not in out:
        raise Failure(f'a plain copy in subprojects/ was not used:\n{out}')


@consumer('pkg-config')
def pkg_config(ctx):
    """A bare g++ with `pkg-config --cflags --libs signalwire-models` (pkg-config/compile.sh)
    against the staged `meson install`."""
    prefix = ctx.meson_stage()
    stage = prefix.parent.parent   # the staging directory: prefix is <stage>/usr/local
    (pc,) = prefix.glob('lib*/**/pkgconfig/signalwire-models.pc')
    env = dict(ctx.env, PKG_CONFIG_PATH=str(pc.parent), PKG_CONFIG_SYSROOT_DIR=str(stage))
    version = ctx.run(['pkg-config', '--modversion', 'signalwire-models'], env=env).strip()
    if version != ctx.version():
        raise Failure(f'pkg-config --modversion says {version}, version.hpp {ctx.version()}')
    project = ctx.project('pkg-config')
    ctx.run(['sh', 'compile.sh'], cwd=project, env=env)
    ctx.check_program(project / 'consumer')


@consumer('separate-compilation')
def separate_compilation(ctx):
    """SIGNALWIRE_SEPARATE_COMPILATION with a bare g++ (separate-compilation/compile.sh):
    main.cpp only declares the decoders, signalwire_src.cpp (src.hpp, then call.hpp)
    compiles them once."""
    project = ctx.project('separate-compilation')
    env = dict(ctx.env, INCLUDE=str(ctx.source / 'include'))
    ctx.run(['sh', 'compile.sh'], cwd=project, env=env)
    ctx.check_program(project / 'consumer')
    # main.o refers to decode<Call> and compiles none of it, nor Boost.JSON's parser.
    symbols = ctx.run(['nm', '-C', project / 'main.o']).splitlines()
    decode = [s for s in symbols if '::decode<' in s and 'Call>(' in s]
    if not decode or any(not s.lstrip().startswith('U ') for s in decode):
        raise Failure('main.o should only refer to decode<Call> (nm: U), it has:\n' + '\n'.join(decode))
    parser = [s for s in symbols if 'basic_parser' in s]
    if parser:
        raise Failure(f'main.o compiled Boost.JSON\'s parser ({len(parser)} symbols), e.g. {parser[0]}')


@consumer('vendored-no-exceptions')
def vendored_no_exceptions(ctx):
    """include/ copied into an SDK's third_party/, Boost.JSON header-only (boost/json/src.hpp,
    no -lboost_json), -fno-exceptions -fno-rtti (vendored-no-exceptions/compile.sh)."""
    project = ctx.project('vendored-no-exceptions')
    shutil.copytree(ctx.source / 'include', project / 'third_party' / 'signalwire-models' / 'include')
    ctx.run(['sh', 'compile.sh'], cwd=project)
    ctx.check_program(project / 'consumer')
    linked = ctx.run(['ldd', project / 'consumer'])
    if 'boost_json' in linked:
        raise Failure(f'the program links libboost_json although Boost.JSON is header-only:\n{linked}')


@consumer('readme-sample')
def readme_sample(ctx):
    """The code block after `<!-- sample: main -->` in README.md, compiled as written
    against include/ and run on the sample Call and a list page."""
    readme = (ctx.source / 'README.md').read_text()
    match = re.search(r'<!-- sample: main -->\s*```cpp\n(.*?)```', readme, re.S)
    if not match:
        raise Failure('README.md: no ```cpp block after <!-- sample: main -->')
    project = ctx.work / 'readme-sample'
    project.mkdir()
    (project / 'main.cpp').write_text(match.group(1))
    cxx = os.environ.get('CXX', 'g++')
    ctx.run([cxx, *CONSUMER_CXXFLAGS.split(), '-std=c++17', '-I', ctx.source / 'include',
             'main.cpp', '-o', 'sample', '-lboost_json'], cwd=project)
    page = ctx.source / 'tests' / 'data' / 'fixtures' / 'signalwire' / 'calls-list-2019.json'
    out = ctx.run([project / 'sample', ctx.sample, page])
    # The sample Call is completed: the first line is its price as written, and the unit.
    text = ctx.sample.read_text()
    price = re.search(r'"price": *"?(-?[0-9.]+)', text).group(1)
    first = f'{price} {json.loads(text)["price_unit"]}'
    calls = json.loads(page.read_text())['calls']
    lines = out.splitlines()
    if lines[:1] != [first]:
        raise Failure(f'the README sample printed {lines[:1]}, expected [{first!r}]:\n{out}')
    dates = [line for line in lines if re.fullmatch(r'\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000', line)]
    if len(dates) != sum(1 for c in calls if c.get('date_created')):
        raise Failure(f'the README sample printed {len(dates)} dates for {len(calls)} calls:\n{out}')


@consumer('readme-integration')
def readme_integration(ctx):
    """Each cmake, meson, wrap and C++ snippet of README.md's Integration section is in a
    consumer's file, line for line (nothing is built)."""
    readme = (ctx.source / 'README.md').read_text()
    section = re.search(r'^## Integration\n(.*?)^## ', readme, re.S | re.M)
    if not section:
        raise Failure('README.md: no "## Integration" section')
    files = [p for p in HERE.rglob('*') if p.is_file() and p.suffix in ('', '.txt', '.build', '.wrap', '.cpp')]
    texts = {p: [line.rstrip() for line in p.read_text().splitlines()] for p in files}
    snippets = re.findall(r'```(cmake|meson|ini|cpp)\n(.*?)```', section.group(1), re.S)
    if not snippets:
        raise Failure('README.md: no cmake, meson or ini snippet in the Integration section')
    for language, snippet in snippets:
        lines = [line.rstrip() for line in snippet.splitlines() if line.strip()]
        if not any(all(line in text for line in lines) for text in texts.values()):
            raise Failure(f'README.md: this {language} snippet of the Integration section is in no file '
                          f'of tests/consumers/ (copy it from there):\n{snippet}')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('source', nargs='?', type=Path, help='the signalwire-models source tree')
    parser.add_argument('consumers', nargs='*', help='consumers to run (default: all)')
    parser.add_argument('--list', action='store_true', help='list the consumers and exit')
    parser.add_argument('--keep', action='store_true', help='keep the temporary directory')
    args = parser.parse_args()
    if args.list:
        for name, function in CONSUMERS.items():
            print(f'{name}: {function.__doc__.split(chr(10))[0]}')
        return 0
    if args.source is None:
        parser.error('the source tree is required')
    unknown = [c for c in args.consumers if c not in CONSUMERS]
    if unknown:
        parser.error(f'unknown consumer(s) {", ".join(unknown)} (--list lists them)')

    work = Path(tempfile.mkdtemp(prefix='signalwire-consumers-'))
    ctx = Context(args.source.resolve(), work)
    failed = []
    timings = []
    try:
        for name in args.consumers or CONSUMERS:
            start = time.monotonic()
            try:
                CONSUMERS[name](ctx)
                status = 'ok'
            except Failure as error:
                status = 'FAILED'
                failed.append(name)
                print(f'--- {name}: FAILED\n{error}', file=sys.stderr)
            timings.append((name, status, time.monotonic() - start))
            print(f'{name}: {status} ({timings[-1][2]:.1f} s)', flush=True)
    finally:
        if args.keep:
            print(f'kept {work}')
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f'{len(timings) - len(failed)} passed, {len(failed)} failed'
          + (f': {", ".join(failed)}' if failed else ''))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())

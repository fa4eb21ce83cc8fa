"""The hardening layers a child passes through before any submitted code runs.

Everything expensive (probing the kernel, compiling the seccomp filter, opening the
directories Python may read) happens once in the warm parent (:func:`make_plan`); the
forked child only applies the prepared pieces (:func:`enter`), which costs well under a
millisecond. Layers, outermost first:

- rlimits: CPU seconds, address space, file size, no new processes, no core dumps;
- a per-slot unprivileged uid/gid (needs root; ``RLIMIT_NPROC`` is ignored for root);
- ``PR_SET_NO_NEW_PRIVS`` and non-dumpable (no ptrace of, or by, the child);
- Landlock (raw syscalls: the PyPI package only covers files): read-only access to the
  Python standard library, numpy and the shared libraries already mapped, full access
  to a private temporary directory, TCP bind/connect denied, signals and abstract UNIX
  sockets scoped to the sandbox;
- seccomp: process creation, exec, sockets, ptrace-like calls, namespaces, io_uring and
  signals to anyone but itself fail with EPERM.

Where a layer is unavailable the plan records why, and the judge names it in every
verdict. Python-level tricks (audit hooks, restricted builtins) are deliberately absent:
they are bypassable and would only give a false sense of safety.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import resource
import signal
import struct
import sys
from dataclasses import dataclass, field
from typing import Any

# Human-readable layer names; verdicts list the missing ones.
LAYERS: dict[str, str] = {
    "rlimits": "resource limits (CPU, memory, file size, processes, core dumps)",
    "uid": "an unprivileged per-slot user id",
    "no_new_privs": "PR_SET_NO_NEW_PRIVS",
    "landlock-fs": "Landlock filesystem rules",
    "landlock-net": "Landlock TCP bind/connect denial",
    "landlock-scope": "Landlock signal and abstract-socket scoping",
    "seccomp": "seccomp system-call filter",
    "private-tmp": "a fresh size- and inode-limited tmpfs per child as its only writable "
    "place, and the bank hidden even from stat (a private mount namespace)",
}

# --- Landlock (include/uapi/linux/landlock.h) ----------------------------------------
SYS_LANDLOCK_CREATE_RULESET = 444  # the same number on every architecture
SYS_LANDLOCK_ADD_RULE = 445
SYS_LANDLOCK_RESTRICT_SELF = 446
LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH = 1

FS_EXECUTE = 1 << 0
FS_WRITE_FILE = 1 << 1
FS_READ_FILE = 1 << 2
FS_READ_DIR = 1 << 3
FS_REMOVE_DIR = 1 << 4
FS_REMOVE_FILE = 1 << 5
FS_MAKE_CHAR = 1 << 6
FS_MAKE_DIR = 1 << 7
FS_MAKE_REG = 1 << 8
FS_MAKE_SOCK = 1 << 9
FS_MAKE_FIFO = 1 << 10
FS_MAKE_BLOCK = 1 << 11
FS_MAKE_SYM = 1 << 12
FS_REFER = 1 << 13  # ABI 2
FS_TRUNCATE = 1 << 14  # ABI 3
FS_IOCTL_DEV = 1 << 15  # ABI 5
NET_BIND_TCP = 1 << 0  # ABI 4
NET_CONNECT_TCP = 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
SCOPE_SIGNAL = 1 << 1

READ_ONLY_DIR = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
READ_ONLY_FILE = FS_EXECUTE | FS_READ_FILE

# --- prctl / seccomp -------------------------------------------------------------------
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_SECCOMP = 22
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
SECCOMP_MODE_FILTER = 2

# Replaced by the child's pid in the compiled filter ("signals only to myself").
PID_PLACEHOLDER = 0x3FFFFFF1

DENIED_SYSCALLS = (
    # new processes and programs (threads too: no solution needs them)
    "fork", "vfork", "clone", "execve", "execveat",
    # networking of any kind
    "socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
    "sendto", "sendmsg", "sendmmsg", "recvfrom", "recvmsg", "recvmmsg",
    # looking into or steering other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_open",
    "pidfd_getfd", "pidfd_send_signal", "process_madvise", "migrate_pages", "move_pages",
    # privilege, namespaces, mounts
    "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid", "setgroups",
    "setfsuid", "setfsgid", "unshare", "setns", "mount", "umount2", "pivot_root", "chroot",
    "open_tree", "move_mount", "fsopen", "fsmount", "fsconfig", "fspick", "mount_setattr",
    # kernel interfaces a solution never needs
    "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "perf_event_open",
    "userfaultfd", "add_key", "request_key", "keyctl", "open_by_handle_at",
    "name_to_handle_at", "mknod", "mknodat", "fanotify_init", "kexec_load",
    "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot", "swapon",
    "swapoff", "acct", "syslog", "quotactl", "iopl", "ioperm", "settimeofday",
    "clock_settime", "adjtimex", "clock_adjtime", "sethostname", "setdomainname", "vhangup",
    # System V and POSIX IPC: objects that outlive the child and its memory limit
    "shmget", "shmat", "shmdt", "shmctl", "msgget", "msgsnd", "msgrcv", "msgctl", "semget",
    "semop", "semtimedop", "semctl", "ipc", "mq_open", "mq_unlink", "mq_timedsend",
    "mq_timedreceive", "mq_notify", "mq_getsetattr",
    # watching other processes' file activity
    "inotify_init", "inotify_init1", "inotify_add_watch", "fanotify_mark",
)  # fmt: skip
SIGNAL_SYSCALLS = ("kill", "tkill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo")

_libc: Any = None


def libc() -> Any:
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
    return _libc


def _check(result: int, what: str) -> int:
    if result < 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{what}: {os.strerror(code)}")
    return result


def prctl(option: int, arg: int | Any = 0) -> None:
    _check(libc().prctl(option, arg, 0, 0, 0), f"prctl({option})")


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is missing or disabled."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        version = libc().syscall(
            SYS_LANDLOCK_CREATE_RULESET, None, 0, LANDLOCK_CREATE_RULESET_VERSION
        )
    except (OSError, AttributeError):
        return 0
    return max(int(version), 0)


def handled_fs(abi: int) -> int:
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= FS_REFER
    if abi >= 3:
        rights |= FS_TRUNCATE
    if abi >= 5:
        rights |= FS_IOCTL_DEV
    return rights


def landlock_create(abi: int) -> int:
    net = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0
    attr = ctypes.create_string_buffer(struct.pack("=QQQ", handled_fs(abi), net, scoped))
    return _check(
        libc().syscall(SYS_LANDLOCK_CREATE_RULESET, attr, 24, 0), "landlock_create_ruleset"
    )


def landlock_allow(ruleset: int, fd: int, access: int) -> None:
    attr = ctypes.create_string_buffer(struct.pack("=Qi", access, fd))
    _check(
        libc().syscall(SYS_LANDLOCK_ADD_RULE, ruleset, LANDLOCK_RULE_PATH_BENEATH, attr, 0),
        "landlock_add_rule",
    )


def landlock_restrict(ruleset: int) -> None:
    _check(libc().syscall(SYS_LANDLOCK_RESTRICT_SELF, ruleset, 0), "landlock_restrict_self")


# --- seccomp --------------------------------------------------------------------------


def compile_seccomp() -> bytes:
    """The filter as classic BPF, with the child's pid left as a placeholder."""
    import pyseccomp as sc

    filt = sc.SyscallFilter(sc.ALLOW)
    deny = sc.ERRNO(errno.EPERM)
    for name in DENIED_SYSCALLS:
        try:
            filt.add_rule(deny, name)
        except (OSError, ValueError, RuntimeError):
            continue  # not a system call on this architecture
    # glibc falls back from clone3 to clone on ENOSYS, which then fails with EPERM.
    filt.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    for name in SIGNAL_SYSCALLS:
        filt.add_rule(deny, name, sc.Arg(0, sc.NE, PID_PLACEHOLDER))
    read_fd, write_fd = os.pipe()
    try:
        with os.fdopen(write_fd, "wb") as sink:
            filt.export_bpf(sink)
        chunks = []
        while chunk := os.read(read_fd, 1 << 16):
            chunks.append(chunk)
    finally:
        os.close(read_fd)
    program = b"".join(chunks)
    if not pid_offsets(program):
        raise RuntimeError("the compiled seccomp filter lacks the pid placeholder")
    return program


def pid_offsets(program: bytes) -> tuple[int, ...]:
    """Byte offsets of the ``k`` fields that hold the pid placeholder (BPF_JMP only)."""
    found = []
    for offset in range(0, len(program), 8):
        code, _jt, _jf, k = struct.unpack_from("=HBBI", program, offset)
        if code & 0x07 == 0x05 and k == PID_PLACEHOLDER:
            found.append(offset + 4)
    return tuple(found)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def load_seccomp(program: bytes, offsets: tuple[int, ...], pid: int) -> None:
    code = ctypes.create_string_buffer(program, len(program))
    for offset in offsets:
        struct.pack_into("=I", code, offset, pid)
    prog = _SockFprog(len(program) // 8, ctypes.cast(code, ctypes.c_void_p))
    _check(
        libc().prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0),
        "seccomp",
    )


# --- the plan prepared once in the warm parent -----------------------------------------


@dataclass
class Plan:
    """Everything the child needs to harden itself, prepared once in the warm parent."""

    missing: dict[str, str] = field(default_factory=dict)  # layer -> why it is missing
    abi: int = 0
    read_rules: list[tuple[int, int]] = field(default_factory=list)  # (O_PATH fd, access)
    remap: list[tuple[str, int]] = field(default_factory=list)  # (directory, O_PATH fd)
    tmp_base: str = ""
    seccomp: bytes | None = None
    seccomp_pid_offsets: tuple[int, ...] = ()
    base_address_space: int = 0
    limits: tuple[str, ...] = ()  # the RLIMIT_* names this system lets us set

    def active(self, layer: str) -> bool:
        return layer not in self.missing


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")


def package_dirs(packages: tuple[str, ...]) -> list[str]:
    """The folders of the (already imported) solution packages, e.g. numpy and torch."""
    return [os.path.dirname(sys.modules[name].__file__ or "") for name in packages]


def library_paths(protected: list[str], packages: tuple[str, ...] = ("numpy",)) -> list[str]:
    """Directories (and a few files) an imported-everything Python may still need to read.

    Anything that contains, or lies inside, a protected path (the bank with its hidden
    tests and references) is left out, so Landlock can never grant it by accident.
    """
    candidates = {os.path.dirname(os.__file__)}
    for folder in package_dirs(packages):
        candidates.add(folder)
        # wheels put their bundled shared libraries beside the package: numpy.libs, torch.libs
        candidates.add(os.path.join(os.path.dirname(folder), os.path.basename(folder) + ".libs"))
    for entry in sys.path:
        if entry.endswith(".zip") or os.path.basename(entry) == "lib-dynload":
            candidates.add(entry)
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                parts = line.split(None, 5)
                if len(parts) == 6 and ".so" in parts[5]:
                    candidates.add(os.path.dirname(parts[5].strip()))
    except OSError:
        pass
    candidates.add("/etc/ld.so.cache")
    real_protected = [os.path.realpath(p) for p in protected]
    chosen = []
    for path in sorted(candidates):
        real = os.path.realpath(path)
        if not os.path.exists(real) or real == "/":
            continue
        if os.path.basename(real) in ("site-packages", "dist-packages"):
            continue
        if any(_inside(real, p) or _inside(p, real) for p in real_protected):
            continue
        chosen.append(real)
    # One rule covers everything beneath it: drop paths inside another chosen directory.
    return [p for p in chosen if not any(q != p and _inside(p, q) for q in chosen)]


def probe_seccomp() -> str | None:
    if not sys.platform.startswith("linux"):
        return "seccomp is Linux-only"
    try:
        import pyseccomp  # noqa: F401
    except (ImportError, RuntimeError, OSError) as exc:
        return f"pyseccomp/libseccomp unavailable ({exc})"
    return None


DISABLE = (
    "uid",
    "landlock",
    "seccomp",
    "private-tmp",
)  # layers a caller may switch off (to test the rest)
DISABLED = "switched off by the caller"


def make_plan(
    protected: list[str],
    tmp_base: str,
    *,
    drop_uid: bool,
    disabled: tuple[str, ...] = (),
    packages: tuple[str, ...] = ("numpy",),
) -> Plan:
    """Probe the machine and prepare every layer that works here (minus ``disabled``).

    ``packages`` are the imported libraries a solution may use (their folders become
    readable); everything else outside the standard library stays out of reach.
    """
    plan = Plan(tmp_base=tmp_base)
    if os.name != "posix":
        raise RuntimeError("the judge needs a POSIX system with fork()")
    if "uid" in disabled:
        plan.missing["uid"] = DISABLED
    elif not drop_uid:
        plan.missing["uid"] = "the judge is not running as root"
    linux = sys.platform.startswith("linux")
    if not linux:
        plan.missing["no_new_privs"] = "PR_SET_NO_NEW_PRIVS is Linux-only"
    plan.abi = 0 if "landlock" in disabled else landlock_abi()
    if "landlock" in disabled:
        for layer in ("landlock-fs", "landlock-net", "landlock-scope"):
            plan.missing[layer] = DISABLED
    elif plan.abi < 1:
        plan.missing["landlock-fs"] = "Landlock is not available in this kernel"
    if plan.abi < 4:
        plan.missing.setdefault("landlock-net", f"needs Landlock ABI 4 (have {plan.abi})")
    if plan.abi < 6:
        plan.missing.setdefault("landlock-scope", f"needs Landlock ABI 6 (have {plan.abi})")
    reason = DISABLED if "seccomp" in disabled else probe_seccomp()
    if reason is None:
        try:
            plan.seccomp = compile_seccomp()
            plan.seccomp_pid_offsets = pid_offsets(plan.seccomp)
        except Exception as exc:
            reason = f"cannot compile the filter ({exc})"
    if reason is not None:
        plan.missing["seccomp"] = reason
    paths = library_paths(protected, packages)
    if plan.abi >= 1:
        for path in paths:
            is_dir = os.path.isdir(path)
            flags = os.O_PATH | (os.O_DIRECTORY if is_dir else 0)
            fd = os.open(path, flags)
            plan.read_rules.append((fd, READ_ONLY_DIR if is_dir else READ_ONLY_FILE))
    if "uid" not in plan.missing:
        # The unprivileged uid may not traverse e.g. /root/.pyenv; a directory fd opened
        # now and reached as /proc/self/fd/N sidesteps the DAC walk (Landlock still applies).
        remap_dirs = [os.path.dirname(os.__file__), *package_dirs(packages)]
        remap_dirs += [e for e in sys.path if os.path.basename(e) == "lib-dynload"]
        for path in remap_dirs:
            if os.path.isdir(path):
                fixed = REMAP_FD_BASE + len(plan.remap)
                handle = os.open(path, os.O_PATH | os.O_DIRECTORY)
                os.dup2(handle, fixed, inheritable=False)
                os.close(handle)
                plan.remap.append((path, fixed))
    reason = DISABLED if "private-tmp" in disabled else _private_mounts(protected, drop_uid)
    if reason is not None:
        plan.missing["private-tmp"] = reason
    plan.base_address_space = _address_space()
    plan.limits = tuple(name for name in LIMIT_NAMES if _can_limit(name))
    absent = [name for name in LIMIT_NAMES if name not in plan.limits]
    if absent:
        plan.missing["rlimits"] = f"not supported here: {', '.join(absent)}"
    return plan


CLONE_NEWNS = 0x00020000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REC, MS_PRIVATE = 1 << 14, 1 << 18
MNT_DETACH = 2
TMP_SIZE = "16m"  # the child's whole writable space
TMP_INODES = 2048


def _mount(
    source: bytes, target: str, fstype: bytes | None, flags: int, data: bytes | None
) -> None:
    _check(libc().mount(source, target.encode(), fstype, flags, data), f"mount {target}")


def _private_mounts(protected: list[str], root: bool) -> str | None:
    """Give the warm parent a private mount namespace and hide the protected paths in it.

    Every child inherits the view, so the bank is invisible even to ``stat`` and
    ``readlink`` (which Landlock does not cover) at no cost per child; nothing mounted
    here propagates to the host. Returns why not, or None when it worked.
    """
    if not sys.platform.startswith("linux"):
        return "mount namespaces are Linux-only"
    if not root:
        return "the judge is not running as root"
    try:
        _check(libc().unshare(CLONE_NEWNS), "unshare")
        _mount(b"none", "/", None, MS_REC | MS_PRIVATE, None)
        real = sorted({os.path.realpath(p) for p in protected if os.path.isdir(p)})
        for path in (p for p in real if not any(q != p and _inside(p, q) for q in real)):
            flags = MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC
            _mount(b"tmpfs", path, b"tmpfs", flags, b"size=4k,nr_inodes=2,mode=0555")
    except OSError as exc:
        return f"no private mount namespace ({exc.strerror})"
    return None


def make_tmp(plan: Plan, path: str, uid: int | None) -> None:
    """Create a child's temp dir (in the warm parent, before the fork).

    With ``private-tmp`` it is a fresh tmpfs of bounded size and inode count: a child
    can neither fill the disk nor leave anything behind, and unmounting it removes all
    of it at once, however deep the tree inside.
    """
    os.mkdir(path, 0o700)
    if plan.active("private-tmp"):
        owner = f",uid={uid},gid={uid}" if uid is not None else ""
        options = f"size={TMP_SIZE},nr_inodes={TMP_INODES},mode=0700{owner}".encode()
        _mount(b"tmpfs", path, b"tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, options)
    elif uid is not None:
        os.chown(path, uid, uid)


def release_tmp(plan: Plan, path: str) -> None:
    """Unmount a child's tmpfs (lazily, in case anything still holds it)."""
    if plan.active("private-tmp"):
        _check(libc().umount2(path.encode(), MNT_DETACH), f"umount {path}")


LIMIT_NAMES = (
    "RLIMIT_CPU",
    "RLIMIT_AS",
    "RLIMIT_FSIZE",
    "RLIMIT_CORE",
    "RLIMIT_NOFILE",
    "RLIMIT_NPROC",
    "RLIMIT_MEMLOCK",
    "RLIMIT_MSGQUEUE",
)


def _can_limit(name: str) -> bool:
    """Setting a limit to its current value shows whether this system supports it."""
    which = getattr(resource, name, None)
    if which is None:
        return False
    try:
        resource.setrlimit(which, resource.getrlimit(which))
    except (ValueError, OSError):
        return False
    return True


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


# --- applied in the child ----------------------------------------------------------------

# Import handles sit at fixed numbers in the warm parent and in every child, so the
# parent can rewrite its import paths once and children inherit them as they are.
REMAP_FD_BASE = 100
FIRST_HIGH_FD = 300


@dataclass
class Request:
    uid: int | None
    tmp: str  # made by make_tmp in the warm parent
    cpu_seconds: int
    memory_bytes: int | None
    file_bytes: int


def _arrange_fds(keep: list[int], fixed: list[int]) -> None:
    """Put ``keep`` at 0..n-1, leave ``fixed`` where they are, close everything else.

    The warm parent holds the control socket and other children's status pipes; a child
    that kept them could forge requests or verdict inputs.
    """
    high = [fcntl.fcntl(fd, fcntl.F_DUPFD, FIRST_HIGH_FD) for fd in keep]
    for target, fd in enumerate(high):
        os.dup2(fd, target)
    start = len(keep)
    for fd in sorted(fixed):
        os.closerange(start, fd)
        start = fd + 1
    os.closerange(start, resource.getrlimit(resource.RLIMIT_NOFILE)[1])


def _set_limits(request: Request, plan: Plan) -> None:
    wanted = {
        "RLIMIT_CPU": (request.cpu_seconds, request.cpu_seconds + 1),
        "RLIMIT_FSIZE": (request.file_bytes, request.file_bytes),
        "RLIMIT_CORE": (0, 0),
        "RLIMIT_NOFILE": (64, 64),
        "RLIMIT_NPROC": (0, 0),
        "RLIMIT_MEMLOCK": (0, 0),
        "RLIMIT_MSGQUEUE": (0, 0),
    }
    if request.memory_bytes is not None:
        total = plan.base_address_space + request.memory_bytes + (64 << 20)
        wanted["RLIMIT_AS"] = (total, total)
    for name, values in wanted.items():
        if name in plan.limits:
            resource.setrlimit(getattr(resource, name), values)


def lower_limits(plan: Plan, cpu_seconds: int, memory_bytes: int | None) -> None:
    """Tighten CPU and address-space limits to one problem's values when its job arrives.

    Children are forked ahead of time with generous ceilings; lowering a limit is always
    allowed, so this runs in the child before any submitted code is loaded.
    """
    if "RLIMIT_CPU" in plan.limits:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    if memory_bytes is not None and "RLIMIT_AS" in plan.limits:
        total = plan.base_address_space + memory_bytes + (64 << 20)
        resource.setrlimit(resource.RLIMIT_AS, (total, total))


def enter(plan: Plan, request: Request, job_fd: int, result_fd: int) -> str:
    """Harden the current (freshly forked, still privileged) process; return its temp dir.

    Afterwards fd 0 is /dev/null, 1 and 2 a size-limited in-memory file, 3 the job pipe,
    4 the result pipe, and the read-only import handles sit at ``REMAP_FD_BASE``...
    Raises on any failure: the caller must then exit without running the submission.
    """
    os.setsid()
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    pid = os.getpid()
    if sys.platform.startswith("linux"):
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the warm parent's death ends the child
    tmp = request.tmp
    ruleset = -1
    if plan.active("landlock-fs"):
        ruleset = landlock_create(plan.abi)
        for fd, access in plan.read_rules:
            landlock_allow(ruleset, fd, access)
        private = os.open(tmp, os.O_PATH | os.O_DIRECTORY)
        writable = handled_fs(plan.abi) & ~(
            FS_EXECUTE | FS_MAKE_CHAR | FS_MAKE_BLOCK | FS_MAKE_SOCK | FS_MAKE_FIFO | FS_IOCTL_DEV
        )
        landlock_allow(ruleset, private, writable)
        os.close(private)
    if hasattr(os, "memfd_create"):
        stdout = os.memfd_create("stdout", 0)
    else:  # pragma: no cover - non-Linux fallback
        stdout = os.open(os.path.join(tmp, ".stdout"), os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    devnull = os.open(os.devnull, os.O_RDWR)
    keep = [devnull, stdout, stdout, job_fd, result_fd]
    if ruleset >= 0:
        keep.append(ruleset)
    _arrange_fds(keep, [fd for _, fd in plan.remap])
    ruleset = len(keep) - 1 if ruleset >= 0 else -1
    _set_limits(request, plan)
    if plan.active("no_new_privs"):
        prctl(PR_SET_NO_NEW_PRIVS, 1)
        prctl(PR_SET_DUMPABLE, 0)
    if ruleset >= 0:
        landlock_restrict(ruleset)
        os.close(ruleset)
    if request.uid is not None:
        os.setgroups([])
        os.setresgid(request.uid, request.uid, request.uid)
        os.setresuid(request.uid, request.uid, request.uid)
        if os.getuid() != request.uid or os.geteuid() != request.uid:
            raise RuntimeError("could not drop to the sandbox uid")
    os.chdir(tmp)
    if plan.seccomp is not None:
        load_seccomp(plan.seccomp, plan.seccomp_pid_offsets, pid)
    os.environ.clear()
    os.environ.update({"HOME": tmp, "TMPDIR": tmp, "LANG": "C.UTF-8"})
    return tmp


def prepare_imports(plan: Plan) -> None:
    """Limit imports to the standard library (numpy is loaded already); run once, in the parent.

    With a uid drop the import paths point through the fixed directory handles
    (``/proc/self/fd/N/...``), which stay valid in every child because each child keeps
    the handles at the same numbers.
    """
    import importlib

    mapping = [(path, f"/proc/self/fd/{fd}") for path, fd in plan.remap]
    stdlib = os.path.dirname(os.__file__)
    allowed = [e for e in sys.path if e.endswith(".zip") or _inside(e, stdlib)]

    def rewrite(entry: str) -> str:
        for original, handle in mapping:
            if _inside(entry, original):
                return handle + entry[len(original) :]
        return entry

    sys.path[:] = [rewrite(e) for e in allowed]
    if mapping:
        for module in list(sys.modules.values()):
            paths = getattr(module, "__path__", None)
            if isinstance(paths, list):
                paths[:] = [rewrite(p) for p in paths]
    sys.path_importer_cache.clear()
    importlib.invalidate_caches()

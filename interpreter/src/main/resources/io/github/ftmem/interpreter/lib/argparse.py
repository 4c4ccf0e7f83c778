"""argparse for ftpy: ArgumentParser with positionals and optionals (type, default, choices,
action store/store_const/store_true/store_false/append/append_const/count/help/version, nargs
?, *, +, N, required, dest, metavar, help), argument groups, mutually exclusive groups, help and
usage text formatted as CPython's HelpFormatter (width from $COLUMNS, else 80, minus 2), and usage
errors on stderr with exit status 2."""

import os as _os
import sys as _sys

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "Namespace", "HelpFormatter",
           "RawDescriptionHelpFormatter", "RawTextHelpFormatter", "ArgumentDefaultsHelpFormatter",
           "SUPPRESS", "OPTIONAL", "ZERO_OR_MORE", "ONE_OR_MORE", "REMAINDER", "FileType"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."


class Namespace:
    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        args = []
        star = {}
        for name, value in self.__dict__.items():
            if name.isidentifier():
                args.append("%s=%r" % (name, value))
            else:
                star[name] = value
        if star:
            args.append("**%s" % repr(star))
        return "Namespace(%s)" % ", ".join(args)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _arg_name(argument)
        self.message = message
        Exception.__init__(self, str(self))

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _arg_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar if isinstance(action.metavar, str) else action.metavar[0]
    if action.dest not in (None, SUPPRESS):
        return action.dest
    if action.choices:
        return "{" + ",".join(action.choices) + "}"
    return None


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None, kind="store", version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind
        self.version = version

    def __repr__(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required",
                 "help", "metavar"]
        kinds = {"store": "_StoreAction", "store_const": "_StoreConstAction", "store_true": "_StoreTrueAction",
                 "store_false": "_StoreFalseAction", "append": "_AppendAction", "append_const": "_AppendConstAction",
                 "count": "_CountAction", "help": "_HelpAction", "version": "_VersionAction"}
        return "%s(%s)" % (kinds.get(self.kind, "Action"), ", ".join("%s=%r" % (n, getattr(self, n)) for n in names))


class _Group:
    def __init__(self, parser, title=None, description=None):
        self._parser = parser
        self.title = title
        self.description = description
        self._group_actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser._add_argument(args, kwargs, self)
        return action

    def add_argument_group(self, *args, **kwargs):
        return self._parser.add_argument_group(*args, **kwargs)

    def add_mutually_exclusive_group(self, required=False):
        return self._parser.add_mutually_exclusive_group(required=required)


class _MutexGroup(_Group):
    def __init__(self, parser, required=False):
        _Group.__init__(self, parser)
        self.required = required

    def add_argument(self, *args, **kwargs):
        action = self._parser._add_argument(args, kwargs, self._parser._optionals)
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        self._group_actions.append(action)
        return action


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            try:
                width = int(_os.environ["COLUMNS"])
            except (KeyError, ValueError):
                width = 80
            width -= 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = "{%s}" % ",".join(map(str, action.choices))
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        get_metavar = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return "%s" % get_metavar(1)
        if nargs == OPTIONAL:
            return "[%s]" % get_metavar(1)
        if nargs == ZERO_OR_MORE:
            metavar = get_metavar(1)
            if len(metavar) == 2:
                return "[%s [%s ...]]" % metavar
            return "[%s ...]" % metavar
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % (get_metavar(2))
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % get_metavar(1)
        if nargs == SUPPRESS:
            return ""
        formats = ["%s" for _ in range(nargs)]
        return " ".join(formats) % get_metavar(nargs)

    def _default_metavar_positional(self, action):
        return action.dest

    def _default_metavar_optional(self, action):
        return action.dest.upper()

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._default_metavar_positional(action)
            (metavar,) = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        default = self._default_metavar_optional(action)
        args_string = self._format_args(action, default)
        return ", ".join("%s %s" % (o, args_string) for o in action.option_strings)

    def _usage_part(self, action):
        if not action.option_strings:
            default = self._default_metavar_positional(action)
            part = self._format_args(action, default)
            return part
        option_string = action.option_strings[0]
        if action.nargs == 0:
            part = option_string
        else:
            default = self._default_metavar_optional(action)
            part = "%s %s" % (option_string, self._format_args(action, default))
        return part

    def _format_actions_usage(self, actions, groups):
        parts = []
        inserts = {}
        group_of = {}
        for group in groups:
            ga = [a for a in group._group_actions if a.help != SUPPRESS]
            if len(ga) > 1:
                for a in ga:
                    group_of[id(a)] = (group, ga)
        done = set()
        for action in actions:
            if action.help == SUPPRESS:
                continue
            g = group_of.get(id(action))
            if g is not None:
                group, ga = g
                if id(group) in done:
                    continue
                done.add(id(group))
                inner = []
                for a in ga:
                    p = self._usage_part(a)
                    inner.append(p)
                text = " | ".join(inner)
                parts.append(("(%s)" if group.required else "[%s]") % text)
                continue
            part = self._usage_part(action)
            if action.option_strings and not action.required:
                part = "[%s]" % part
            parts.append(part)
        return [p for p in parts if p]

    def format_usage_text(self, usage, actions, groups, prefix="usage: "):
        prog = self._prog
        if usage is not None:
            return "%s%s\n\n" % (prefix, usage % dict(prog=prog))
        optionals = [a for a in actions if a.option_strings]
        positionals = [a for a in actions if not a.option_strings]
        opt_parts = self._format_actions_usage(optionals, groups)
        pos_parts = self._format_actions_usage(positionals, groups)
        action_usage = " ".join(opt_parts + pos_parts)
        usage = " ".join(s for s in [prog, action_usage] if s)
        text_width = self._width
        if len(prefix) + len(usage) > text_width:
            def get_lines(parts, indent, prefix=None):
                lines = []
                line = []
                indent_length = len(indent)
                line_len = len(prefix) - 1 if prefix is not None else indent_length - 1
                for part in parts:
                    if line_len + 1 + len(part) > text_width and line:
                        lines.append(indent + " ".join(line))
                        line = []
                        line_len = indent_length - 1
                    line.append(part)
                    line_len += len(part) + 1
                if line:
                    lines.append(indent + " ".join(line))
                if prefix is not None:
                    lines[0] = lines[0][len(indent):]
                return lines
            if len(prefix) + len(prog) <= 0.75 * text_width:
                indent = " " * (len(prefix) + len(prog) + 1)
                if opt_parts:
                    lines = get_lines([prog] + opt_parts, indent, prefix)
                    lines.extend(get_lines(pos_parts, indent))
                elif pos_parts:
                    lines = get_lines([prog] + pos_parts, indent, prefix)
                else:
                    lines = [prog]
            else:
                indent = " " * len(prefix)
                parts = opt_parts + pos_parts
                lines = get_lines(parts, indent)
                if len(lines) > 1:
                    lines = []
                    lines.extend(get_lines(opt_parts, indent))
                    lines.extend(get_lines(pos_parts, indent))
                lines = [prog] + lines
            usage = "\n".join(lines)
        return "%s%s\n\n" % (prefix, usage)

    def _split_lines(self, text, width):
        import textwrap
        text = " ".join(text.split())
        return textwrap.wrap(text, width)

    def _fill_text(self, text, width, indent):
        import textwrap
        text = " ".join(text.split())
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        for name in list(params):
            if hasattr(params[name], "__name__"):
                params[name] = params[name].__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join([str(c) for c in params["choices"]])
        return self._get_help_string(action) % params

    def format_action(self, action, current_indent, action_max_length):
        help_position = min(action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - current_indent - 2
        action_header = self._format_action_invocation(action)
        lines = []
        if not action.help:
            lines.append("%*s%s\n" % (current_indent, "", action_header))
        elif len(action_header) <= action_width:
            tup = current_indent, "", action_width, action_header
            action_header = "%*s%-*s  " % tup
            help_lines = self._split_lines(self._expand_help(action), help_width)
            lines.append(action_header + (help_lines[0] if help_lines else "") + "\n")
            for line in help_lines[1:]:
                lines.append("%*s%s\n" % (help_position, "", line))
            return lines
        else:
            lines.append("%*s%s\n" % (current_indent, "", action_header))
        if action.help:
            help_lines = self._split_lines(self._expand_help(action), help_width)
            for line in help_lines:
                lines.append("%*s%s\n" % (help_position, "", line))
        return lines


class RawDescriptionHelpFormatter(HelpFormatter):
    def _fill_text(self, text, width, indent):
        lines = text.split("\n")
        return "\n".join(indent + line for line in lines)


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _get_help_string(self, action):
        help = action.help
        if help is None:
            help = ""
        if "%(default)" not in help and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help += " (default: %(default)s)"
        return help


class MetavarTypeHelpFormatter(HelpFormatter):
    def _default_metavar_positional(self, action):
        return action.type.__name__

    def _default_metavar_optional(self, action):
        return action.type.__name__


class FileType:
    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, string):
        if string == "-":
            return _sys.stdout if "w" in self._mode else None
        raise ArgumentTypeError("can't open '%s': files are not supported by ftpy" % string)


_ACTIONS = ("store", "store_const", "store_true", "store_false", "append", "append_const", "count",
            "help", "version", "extend")


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _os.path.basename(_sys.argv[0]) if _sys.argv else ""
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._option_string_actions = {}
        self._defaults = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if action.kind == "help":
                    continue
                group = self._optionals if action.option_strings else self._positionals
                self._register(action, group)
            self._defaults.update(parent._defaults)

    def add_argument_group(self, title=None, description=None, **kwargs):
        group = _Group(self, title, description)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _MutexGroup(self, required)
        self._mutually_exclusive_groups.append(group)
        return group

    def add_argument(self, *args, **kwargs):
        return self._add_argument(args, kwargs, None)

    def _add_argument(self, args, kwargs, group):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.pop("dest")
            option_strings = []
            if kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS, 0):
                kwargs["required"] = True
            if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
                kwargs["required"] = True
        else:
            option_strings = []
            long_strings = []
            for s in args:
                if s[0] not in chars:
                    raise ValueError("invalid option string %r: must start with a character %r" % (s, chars))
                option_strings.append(s)
                if len(s) > 1 and s[1] in chars:
                    long_strings.append(s)
            dest = kwargs.pop("dest", None)
            if dest is None:
                first = long_strings[0] if long_strings else option_strings[0]
                dest = first.lstrip(chars)
                if not dest:
                    raise ValueError("dest= is required for options like %r" % first)
                dest = dest.replace("-", "_")
        kind = kwargs.pop("action", "store")
        if kind not in _ACTIONS:
            if callable(kind):
                raise ValueError("custom Action classes are not supported by ftpy's argparse")
            raise ValueError("unknown action \"%s\"" % (kind,))
        if "default" not in kwargs:
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif kind == "store_true":
                kwargs["default"] = False
            elif kind == "store_false":
                kwargs["default"] = True
            elif kind == "help" or kind == "version":
                kwargs["default"] = SUPPRESS
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        if kind in ("store_true", "store_false", "store_const", "append_const", "count", "help", "version"):
            if "nargs" in kwargs:
                raise TypeError("__init__() got an unexpected keyword argument 'nargs'")
            kwargs["nargs"] = 0
        if kind == "store_true":
            kwargs["const"] = True
        elif kind == "store_false":
            kwargs["const"] = False
        if kind == "help" and "help" not in kwargs:
            kwargs["help"] = "show this help message and exit"
        if kind == "version" and "help" not in kwargs:
            kwargs["help"] = "show program's version number and exit"
        nargs = kwargs.get("nargs")
        if kind in ("store", "append", "extend") and nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, "
                             "actions such as store true or store const may be more appropriate")
        if "type" in kwargs and kwargs["type"] is not None and not callable(kwargs["type"]):
            raise ValueError("%r is not callable" % (kwargs["type"],))
        action = Action(option_strings, dest, kind=kind, **kwargs)
        if group is None:
            group = self._optionals if option_strings else self._positionals
        self._register(action, group)
        return action

    def _register(self, action, group):
        for s in action.option_strings:
            if s in self._option_string_actions:
                raise ArgumentError(action, "conflicting option string: %s" % s)
        for s in action.option_strings:
            self._option_string_actions[s] = action
        self._actions.append(action)
        group._group_actions.append(action)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # ---- parsing ------------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            namespace, extras = self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return namespace, extras

    def _is_option(self, arg):
        if not arg or arg[0] not in self.prefix_chars:
            return False
        if arg in self._option_string_actions:
            return True
        if len(arg) == 1:
            return False
        if "=" in arg and arg.split("=", 1)[0] in self._option_string_actions:
            return True
        if _looks_negative(arg) and not any(_looks_negative(o) for o in self._option_string_actions):
            return False
        if " " in arg:
            return False
        return True

    def _match_option(self, arg):
        """(action, option string, explicit argument) for an option-like argument."""
        if arg in self._option_string_actions:
            return self._option_string_actions[arg], arg, None
        if "=" in arg:
            opt, explicit = arg.split("=", 1)
            if opt in self._option_string_actions:
                return self._option_string_actions[opt], opt, explicit
        if self.allow_abbrev and arg.startswith("--"):
            opt = arg.split("=", 1)[0]
            explicit = arg.split("=", 1)[1] if "=" in arg else None
            matches = [s for s in self._option_string_actions if s.startswith(opt)]
            if len(matches) > 1:
                self.error("ambiguous option: %s could match %s" % (opt, ", ".join(matches)))
            if len(matches) == 1:
                return self._option_string_actions[matches[0]], matches[0], explicit
        elif arg[0] in self.prefix_chars and len(arg) > 2 and arg[1] not in self.prefix_chars:
            short = arg[:2]
            if short in self._option_string_actions:
                return self._option_string_actions[short], short, arg[2:]
        return None, arg, None

    def _parse(self, args, namespace):
        seen = set()
        seen_non_default = set()
        extras = []
        positionals = [a for a in self._actions if not a.option_strings]
        # split into option and positional runs
        tokens = []
        i = 0
        rest_positional = False
        while i < len(args):
            arg = args[i]
            if rest_positional:
                tokens.append(("A", arg))
            elif arg == "--":
                rest_positional = True
                tokens.append(("-", arg))
            elif self._is_option(arg):
                tokens.append(("O", arg))
            else:
                tokens.append(("A", arg))
            i += 1

        conflicts = {}
        for group in self._mutually_exclusive_groups:
            for a in group._group_actions:
                conflicts.setdefault(id(a), []).extend(x for x in group._group_actions if x is not a)

        def take(action, argument_strings, option_string=None):
            seen.add(id(action))
            value = self._get_values(action, argument_strings)
            if argument_strings or action.nargs == 0 or value is not action.default:
                seen_non_default.add(id(action))
                for other in conflicts.get(id(action), ()):
                    if id(other) in seen_non_default:
                        raise ArgumentError(action, "not allowed with argument %s" % _arg_name(other))
            self._apply(action, value, namespace, option_string)

        pos_index = 0
        i = 0
        n = len(tokens)

        def consume_positionals(i):
            nonlocal pos_index
            j = i
            while j < n and tokens[j][0] in ("A", "-"):
                j += 1
            strings = [t[1] for t in tokens[i:j] if t[0] == "A" or (t[0] == "-" and False)]
            has_dashdash = any(t[0] == "-" for t in tokens[i:j])
            # greedy allocation like CPython's regex matching over the remaining positionals
            remaining = positionals[pos_index:]
            counts = _match_counts(remaining, len(strings))
            k = 0
            for action, count in zip(remaining, counts):
                if count is None:
                    break
                args_for = strings[k:k + count]
                k += count
                take(action, args_for)
                pos_index += 1
            extras.extend(strings[k:])
            if has_dashdash and False:
                pass
            return j

        while i < n:
            kind, arg = tokens[i]
            if kind == "-":
                i += 1
                continue
            if kind == "A":
                i = consume_positionals(i)
                continue
            action, option_string, explicit = self._match_option(arg)
            if action is None:
                extras.append(arg)
                i += 1
                continue
            i += 1
            if explicit is not None:
                if action.nargs == 0:
                    if option_string[1] not in self.prefix_chars and explicit:
                        # -xyz: a run of single-dash flags
                        take(action, [], option_string)
                        flags = explicit
                        while flags:
                            nxt = "-" + flags[0]
                            a2 = self._option_string_actions.get(nxt)
                            if a2 is None:
                                raise ArgumentError(action, "ignored explicit argument %r" % flags)
                            flags = flags[1:]
                            if a2.nargs != 0:
                                take(a2, [flags] if flags else self._consume(a2, tokens, i), nxt)
                                if not flags:
                                    i += len(self._consume(a2, tokens, i))
                                flags = ""
                            else:
                                take(a2, [], nxt)
                        continue
                    raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                take(action, [explicit], option_string)
                continue
            strings = self._consume(action, tokens, i)
            i += len(strings)
            take(action, strings, option_string)
        if pos_index < len(positionals):
            counts = _match_counts(positionals[pos_index:], 0)
            for action, count in zip(positionals[pos_index:], counts):
                if count is None:
                    break
                take(action, [])
                pos_index += 1
        required = [a for a in self._actions if a.required and id(a) not in seen]
        if required:
            names = [_arg_name(a) for a in required]
            self.error("the following arguments are required: %s" % ", ".join(names))
        for group in self._mutually_exclusive_groups:
            if group.required and not any(id(a) in seen for a in group._group_actions):
                names = [_arg_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                self.error("one of the arguments %s is required" % " ".join(names))
        for action in self._actions:
            if id(action) not in seen and isinstance(action.default, str) and action.dest is not SUPPRESS \
                    and getattr(namespace, action.dest, None) is action.default and action.type is not None:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return namespace, extras

    def _consume(self, action, tokens, i):
        nargs = action.nargs
        avail = []
        j = i
        while j < len(tokens) and tokens[j][0] == "A":
            avail.append(tokens[j][1])
            j += 1
        if nargs is None:
            if not avail:
                raise ArgumentError(action, "expected one argument")
            return avail[:1]
        if nargs == OPTIONAL:
            return avail[:1]
        if nargs == ZERO_OR_MORE:
            return avail
        if nargs == ONE_OR_MORE:
            if not avail:
                raise ArgumentError(action, "expected at least one argument")
            return avail
        if nargs == 0:
            return []
        if nargs == REMAINDER:
            return avail
        if len(avail) < nargs:
            raise ArgumentError(action, "expected %s argument%s" % (nargs, "s" if nargs != 1 else ""))
        return avail[:nargs]

    def _convert(self, action, string):
        type_func = action.type
        if type_func is None:
            return string
        try:
            return type_func(string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, "__name__", repr(type_func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, string))

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))

    def _get_values(self, action, strings):
        nargs = action.nargs
        if nargs == 0:
            return action.const
        if not strings and nargs == OPTIONAL:
            if action.option_strings:
                value = action.const
            else:
                value = action.default
            if isinstance(value, str):
                value = self._convert(action, value)
                self._check_choice(action, value)
            return value
        if not strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else []
            self._check_choice(action, value) if False else None
            return value
        if nargs in (None, OPTIONAL):
            value = self._convert(action, strings[0])
            self._check_choice(action, value)
            return value
        if nargs == REMAINDER:
            return [self._convert(action, v) for v in strings]
        values = [self._convert(action, v) for v in strings]
        for v in values:
            self._check_choice(action, v)
        return values

    def _apply(self, action, value, namespace, option_string):
        kind = action.kind
        if kind == "help":
            self.print_help()
            self.exit()
        if kind == "version":
            formatter = self.formatter_class(prog=self.prog)
            _sys.stdout.write(action.version % dict(prog=self.prog) + "\n")
            self.exit()
        if kind in ("store", "store_const", "store_true", "store_false"):
            setattr(namespace, action.dest, value)
        elif kind in ("append", "append_const", "extend"):
            items = getattr(namespace, action.dest, None)
            items = [] if items is None else list(items)
            if kind == "extend":
                items.extend(value)
            else:
                items.append(value)
            setattr(namespace, action.dest, items)
        elif kind == "count":
            count = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (0 if count is None else count) + 1)

    # ---- help ---------------------------------------------------------------------------------

    def _formatter(self):
        return self.formatter_class(prog=self.prog)

    def format_usage(self):
        f = self._formatter()
        return f.format_usage_text(self.usage, self._actions, self._mutually_exclusive_groups).rstrip("\n") + "\n"

    def format_help(self):
        f = self._formatter()
        out = [f.format_usage_text(self.usage, self._actions, self._mutually_exclusive_groups)]
        if self.description:
            out.append(f._fill_text(self.description, f._width, "") + "\n\n")
        max_len = 0
        for group in self._action_groups:
            for action in group._group_actions:
                if action.help is SUPPRESS:
                    continue
                inv = f._format_action_invocation(action)
                max_len = max(max_len, len(inv) + f._indent_increment)
        for group in self._action_groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions and not group.description:
                continue
            if group.title is not None:
                out.append(group.title + ":\n")
            if group.description:
                out.append(f._fill_text(group.description, f._width - 2, "  ") + "\n\n")
            for action in actions:
                out.extend(f.format_action(action, f._indent_increment, max_len))
            out.append("\n")
        if self.epilog:
            out.append(f._fill_text(self.epilog, f._width, "") + "\n\n")
        text = "".join(out)
        return text.rstrip("\n") + "\n"

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


def _looks_negative(s):
    if not s.startswith("-") or len(s) < 2:
        return False
    body = s[1:]
    if body.startswith("."):
        body = body[1:]
    return body.replace(".", "", 1).isdigit()


def _match_counts(actions, available):
    """How many strings each of the positionals takes from `available` (None: not matched), as
    CPython's greedy pattern matching: each takes as many as it can while leaving the minimum the
    following ones need."""
    def minimum(a):
        nargs = a.nargs
        if nargs is None or nargs == PARSER:
            return 1
        if nargs in (OPTIONAL, ZERO_OR_MORE, REMAINDER):
            return 0
        if nargs == ONE_OR_MORE:
            return 1
        return nargs

    def maximum(a):
        nargs = a.nargs
        if nargs is None:
            return 1
        if nargs == OPTIONAL:
            return 1
        if nargs in (ZERO_OR_MORE, ONE_OR_MORE, REMAINDER, PARSER):
            return 10 ** 9
        return nargs

    counts = []
    left = available
    for idx, a in enumerate(actions):
        need_after = sum(minimum(b) for b in actions[idx + 1:])
        lo = minimum(a)
        if left < lo + 0:
            # cannot satisfy this one now: stop (a later round may supply more strings)
            counts.extend([None] * (len(actions) - idx))
            break
        take = min(maximum(a), max(lo, left - need_after))
        counts.append(take)
        left -= take
    return counts

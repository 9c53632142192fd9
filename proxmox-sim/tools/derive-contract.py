#!/usr/bin/env python3
"""Derive Rackside's machine-checked PVE API contract from the official API schema.

Usage: python3 proxmox-sim/tools/derive-contract.py SCHEMA.json OUT.json

Provenance: SCHEMA.json is the Proxmox VE API schema (the apidata tree behind the PVE API
viewer, produced by pve-docs `extractapi.pl`; see /work/shared/pve-api/SCHEMA-PROVENANCE.md
for versions and commits). It is a dump of the `register_method` definitions of PVE::API2.

Why the output is prose-free: the schema file is AGPL-3.0-or-later and carries Proxmox's
documentation text. We only need the interface facts (names, types, limits, formats,
permissions) to validate requests and responses, so this script keeps a whitelist of
machine-relevant keys and drops every piece of prose: `description`, `verbose_description`,
`title`, `format_description`, `typetext`, plus the viewer-only `links` and `renderer`.
Defaults that are explanations rather than values ("same as user", "max(30, vm memory in
GiB)", "current connected node") are dropped too: a numeric or boolean default is kept only
if it parses as its type, a string default only if it contains no whitespace.

Output: one minified JSON object keyed by "METHOD /path/{template}"; each value holds
`parameters`, `returns`, `permissions`, `allowtoken`, `protected`, `proxyto` (and
`download_allowed` / `expose_credentials` where the schema sets them). Keys are sorted so
that regenerating gives byte-identical files.
"""
import json
import re
import sys

# Keys of a (sub)schema that PVE::JSONSchema acts on; everything else is dropped.
SCHEMA_KEYS = {
    'type', 'optional', 'default', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength',
    'pattern', 'format', 'items', 'requires', 'type-property', 'instance-types',
    'instance-type', 'type-property-schema', 'oneOf', 'allOf', 'additionalProperties',
    'properties', 'alias', 'keyAlias', 'default_key', 'group',
}
PROSE_KEYS = {'description', 'verbose_description', 'title', 'format_description', 'typetext'}
INFO_FLAGS = ('allowtoken', 'protected', 'proxyto', 'download_allowed', 'expose_credentials')
NUMBER_RE = re.compile(r'[+-]?(\d+\.\d+|\d+\.|\.\d+|\d+)([eE][+-]?\d+)?')
BOOLEAN_RE = re.compile(r'(1|on|yes|true|0|off|no|false)', re.IGNORECASE)


def default_is_value(schema, value):
    kind = schema.get('type')
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return True
    if not isinstance(value, str):
        return False
    if kind in ('integer', 'number'):
        return NUMBER_RE.fullmatch(value) is not None
    if kind == 'boolean':
        return BOOLEAN_RE.fullmatch(value) is not None
    return not re.search(r'\s', value)


def strip_map(props):
    """A name -> schema map (`properties`, or a property-string `format`)."""
    return {name: strip_schema(sub) for name, sub in props.items() if isinstance(sub, dict)}


def strip_schema(schema):
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key not in SCHEMA_KEYS or value is None:
            continue
        if key == 'default' and not default_is_value(schema, value):
            continue
        if key in ('properties',) or (key == 'format' and isinstance(value, dict)):
            out[key] = strip_map(value)
        elif key in ('items', 'type-property-schema') or (
                key in ('additionalProperties', 'requires') and isinstance(value, dict)):
            out[key] = strip_schema(value)
        elif key in ('oneOf', 'allOf'):
            out[key] = [strip_schema(v) for v in value]
        else:
            out[key] = value
    return out


def strip_permissions(perm):
    if not isinstance(perm, dict):
        return perm
    return {k: v for k, v in perm.items() if k not in PROSE_KEYS}


def derive(tree):
    contract = {}

    def walk(nodes):
        for node in nodes:
            for method, info in node.get('info', {}).items():
                entry = {
                    'parameters': strip_schema(info.get('parameters', {})),
                    'returns': strip_schema(info.get('returns', {})),
                }
                if 'permissions' in info:
                    entry['permissions'] = strip_permissions(info['permissions'])
                for flag in INFO_FLAGS:
                    if flag in info:
                        entry[flag] = info[flag]
                contract[f"{method} {node['path']}"] = entry
            walk(node.get('children', []))

    walk(tree)
    return contract


def assert_prose_free(value, where='$'):
    if isinstance(value, dict):
        for key, sub in value.items():
            # a *property* may legitimately be called "description" (e.g. a guest's notes);
            # only schema-level prose keys are forbidden, and those hold strings.
            if key in PROSE_KEYS and isinstance(sub, str):
                raise SystemExit(f'prose left at {where}.{key}')
            assert_prose_free(sub, f'{where}.{key}')
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            assert_prose_free(sub, f'{where}[{i}]')


def main(argv):
    if len(argv) != 3:
        raise SystemExit('usage: derive-contract.py SCHEMA.json OUT.json')
    with open(argv[1], encoding='utf-8') as f:
        contract = derive(json.load(f))
    assert_prose_free(contract)
    with open(argv[2], 'w', encoding='utf-8') as f:
        json.dump(contract, f, separators=(',', ':'), sort_keys=True, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv)

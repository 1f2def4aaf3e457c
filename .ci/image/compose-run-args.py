#!/usr/bin/env python3
"""Prints, one per line, the `podman run` options that give a container the runtime settings of
one service in a compose file: read-only root, tmpfs mounts, capabilities, security options,
memory, CPU and PID limits, volumes, environment, stop grace period and health check.

    compose-run-args.py COMPOSE_FILE SERVICE VOLUME_PREFIX

The image check starts the image with these, so it runs under the very settings the production
compose file declares. Keys that say how the container is built, supervised, published or where
its settings come from are left to the caller (see LEFT_TO_CALLER); any other key this script does
not know stops it, so a setting added to the compose file cannot be silently skipped. Named
volumes get VOLUME_PREFIX in front of their names (the caller removes them).
"""
import re
import sys

import yaml

LEFT_TO_CALLER = {
    "image", "build",   # the caller runs the image it built
    "env_file",         # the caller's environment file stands in for .env.prod
    "ports",            # the caller chooses the network (the check runs on the host's)
    "restart",          # the supervisor's policy: a restart would hide an exit the check measures
    "logging",          # where the engine keeps stdout; the check reads it with `podman logs`
    "deploy",           # swarm's copy of the limits: held equal to mem_limit and cpus below
}


def seconds(value):
    match = re.fullmatch(r"(\d+)(s|m)?", str(value))
    if not match:
        sys.exit(f"unsupported duration: {value}")
    return int(match.group(1)) * (60 if match.group(2) == "m" else 1)


def health_args(check):
    test = check["test"]
    if not (isinstance(test, list) and test[0] == "CMD-SHELL" and len(test) == 2):
        sys.exit(f"healthcheck.test must be [CMD-SHELL, command], not {test}")
    args = ["--health-cmd", test[1]]
    for key in ("interval", "timeout", "start_period"):
        if key in check:
            args += [f"--health-{key.replace('_', '-')}", f"{seconds(check[key])}s"]
    if "retries" in check:
        args += ["--health-retries", str(check["retries"])]
    return args


def check_deploy_limits(service):
    limits = service.get("deploy", {}).get("resources", {}).get("limits", {})
    if "memory" in limits and str(limits["memory"]) != str(service.get("mem_limit")):
        sys.exit(f"deploy limit memory {limits['memory']} differs from mem_limit {service.get('mem_limit')}")
    if "cpus" in limits and float(limits["cpus"]) != float(service.get("cpus", 0)):
        sys.exit(f"deploy limit cpus {limits['cpus']} differs from cpus {service.get('cpus')}")


def run_args(service, volume_prefix):
    args = []
    for key, value in service.items():
        if key in LEFT_TO_CALLER:
            continue
        if key == "read_only":
            # podman, unlike Docker, would add its own writable /tmp, /var/tmp and /run: only the
            # compose file's tmpfs mounts may be writable.
            args += [f"--read-only={str(value).lower()}", "--read-only-tmpfs=false"]
        elif key == "tmpfs":
            for mount in [value] if isinstance(value, str) else value:
                # Docker mounts a tmpfs given without options rw,noexec,nosuid,nodev; podman leaves
                # out noexec, so Docker's options are spelled out.
                args += ["--tmpfs", mount if ":" in mount else mount + ":rw,noexec,nosuid,nodev"]
        elif key == "cap_drop":
            for cap in value:
                args += ["--cap-drop", cap]
        elif key == "cap_add":
            for cap in value:
                args += ["--cap-add", cap]
        elif key == "security_opt":
            for opt in value:
                args += ["--security-opt", opt]
        elif key == "mem_limit":
            args += ["--memory", str(value)]
        elif key == "cpus":
            args += ["--cpus", str(value)]
        elif key == "pids_limit":
            args += ["--pids-limit", str(value)]
        elif key == "volumes":
            for volume in value:
                source, _, target = volume.partition(":")
                if not source.startswith(("/", ".")):
                    source = volume_prefix + source
                args += ["-v", f"{source}:{target}"]
        elif key == "environment":
            items = value.items() if isinstance(value, dict) else (v.split("=", 1) for v in value)
            for name, val in items:
                args += ["-e", f"{name}={val}"]
        elif key == "stop_grace_period":
            args += ["--stop-timeout", str(seconds(value))]
        elif key == "healthcheck":
            args += health_args(value)
        else:
            sys.exit(f"{key}: a compose setting the image check does not know how to apply")
    reservation = service.get("deploy", {}).get("resources", {}).get("reservations", {}).get("memory")
    if reservation:
        args += ["--memory-reservation", str(reservation)]
    return args


def main():
    path, name, volume_prefix = sys.argv[1:4]
    with open(path) as f:
        service = yaml.safe_load(f)["services"][name]
    check_deploy_limits(service)
    print("\n".join(run_args(service, volume_prefix)))


if __name__ == "__main__":
    main()

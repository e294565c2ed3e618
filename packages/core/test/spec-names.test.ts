/** User-chosen names are data: prototype names work, case clashes and `default` are refused. */
import { expect, it } from "vitest";
import { checkHostName, own, parseHomeSpec, renderHome } from "../src/index.js";

const base = {
  version: 1,
  user: { name: "A", email: "a@b.c", username: "a", homeDirectory: "/home/a" },
  system: "x86_64-linux",
};

it("hosts named like Object.prototype members are plain hosts", () => {
  for (const name of ["constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"]) {
    const spec = parseHomeSpec({ ...base, hosts: { [name]: {} } });
    expect(Object.keys(spec.hosts)).toEqual([name]);
    const files = renderHome(spec).map((f) => f.path);
    expect(files).toContain(`hosts/${name}.nix`);
    const host = renderHome(spec).find((f) => f.path === `hosts/${name}.nix`)?.content ?? "";
    expect(host).not.toMatch(/function|native code/);
  }
  expect(own({ a: 1 }, "toString")).toBeUndefined();
  expect(own({ a: 1 }, "a")).toBe(1);
});

it("a host named __proto__ is refused, never assigned", () => {
  expect(() =>
    parseHomeSpec(
      `{"version":1,"user":${JSON.stringify(base.user)},"system":"x86_64-linux","hosts":{"__proto__":{}}}`,
    ),
  ).toThrow(/not a valid host name/);
});

it("host names are unique regardless of case", () => {
  expect(() => parseHomeSpec({ ...base, hosts: { laptop: {}, LAPTOP: {} } })).toThrow(
    /"LAPTOP" and "laptop" differ only in case/,
  );
});

it("default is reserved for the configuration without a host", () => {
  expect(checkHostName("default")).toMatch(/reserved/);
  expect(checkHostName("Default")).toMatch(/reserved/);
  expect(() => parseHomeSpec({ ...base, hosts: { default: {} } })).toThrow(/reserved/);
});

it("a JSON syntax error is one line", () => {
  try {
    parseHomeSpec('{\n"version": 1,\n oops\n}');
  } catch (e) {
    expect((e as Error).message.split("\n")).toHaveLength(1);
    return;
  }
  throw new Error("no error");
});

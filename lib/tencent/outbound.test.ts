import { describe, expect, it } from "vitest";
import { STRICT_POLICY, addressProblem, outboundProblem, parseAllowHosts, parseIpv4, parseIpv6 } from "./outbound";

describe("outbound policy", () => {
  it.each([
    "http://169.254.169.254",
    "https://169.254.169.254/latest",
    "https://metadata.google.internal",
    "https://[fd00:ec2::254]",
    "https://127.0.0.1:5432",
    "https://[::1]",
    "https://0.0.0.0",
    "https://2130706433",
    "https://0x7f.1",
    "https://0177.0.0.1",
    "https://127.1",
    "https://0x7f000001",
    "https://[::ffff:127.0.0.1]",
    "https://[::ffff:7f00:1]",
    "https://[::ffff:169.254.169.254]",
    "https://[fe80::1]",
    "https://[fc00::1]",
    "https://10.1.2.3",
    "https://172.16.0.1",
    "https://172.31.255.255",
    "https://192.168.1.1",
    "https://100.64.0.1",
    "https://224.0.0.1",
    "https://[ff02::1]",
    "https://localhost",
    "https://api.localhost",
    "https://metadata",
    "https://printer.local",
    "https://svc.cluster.internal.",
  ])("refuses %s", (url) => {
    const problem = outboundProblem(url, STRICT_POLICY);
    expect(problem, url).not.toBeNull();
    expect(problem).toMatch(/OUTBOUND_ALLOW_HOSTS|https/);
  });

  it("names the rule it applies", () => {
    expect(outboundProblem("https://0x7f.1", STRICT_POLICY)).toMatch(/loopback 127\.0\.0\.0\/8/);
    expect(outboundProblem("https://[fd00:ec2::254]", STRICT_POLICY)).toMatch(/unique-local fc00::\/7/);
    expect(outboundProblem("https://[::ffff:10.0.0.1]", STRICT_POLICY)).toMatch(/IPv4-mapped/);
    expect(outboundProblem("https://metadata.google.internal", STRICT_POLICY)).toMatch(/\.internal/);
    expect(outboundProblem("http://adminapisgp.im.qcloud.com", STRICT_POLICY)).toMatch(/must use https/);
  });

  it("allows public https hosts and addresses", () => {
    for (const url of [
      "https://adminapisgp.im.qcloud.com",
      "https://proxy.example.com/cn",
      "https://8.8.8.8",
      "https://[2606:4700::1111]",
      "https://172.32.0.1",
    ]) {
      expect(outboundProblem(url, STRICT_POLICY), url).toBeNull();
    }
  });

  it("allows an operator's hosts over http, with or without a port", () => {
    const parsed = parseAllowHosts("127.0.0.1:3203, gateway.lan [::1]:8080");
    expect(parsed).toEqual({ ok: true, hosts: ["127.0.0.1:3203", "gateway.lan", "[::1]:8080"] });
    const policy = { allowHosts: parsed.ok ? parsed.hosts : [] };
    expect(outboundProblem("http://127.0.0.1:3203/simulator/regions/china", policy)).toBeNull();
    expect(outboundProblem("http://127.0.0.1:3204", policy)).toMatch(/must use https/);
    expect(outboundProblem("https://127.0.0.1:3204", policy)).toMatch(/loopback/);
    expect(outboundProblem("http://gateway.lan:9000", policy)).toBeNull();
    expect(outboundProblem("http://[::1]:8080", policy)).toBeNull();
    expect(parseAllowHosts("http://x/y")).toEqual({ ok: false, entry: "http://x/y" });
  });

  it("reads IPv4 in every spelling inet_aton takes", () => {
    expect(parseIpv4("2130706433")).toBe(0x7f000001);
    expect(parseIpv4("0x7f.1")).toBe(0x7f000001);
    expect(parseIpv4("0177.0.0.1")).toBe(0x7f000001);
    expect(parseIpv4("127.1")).toBe(0x7f000001);
    expect(parseIpv4("10.0x10.1")).toBe(0x0a100001);
    expect(parseIpv4("256.0.0.1")).toBeNull();
    expect(parseIpv4("example.com")).toBeNull();
    expect(parseIpv4("08.1.1.1")).toBeNull();
  });

  it("reads IPv6, embedded IPv4 and zones included", () => {
    expect(parseIpv6("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("::ffff:127.0.0.1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6("fe80::1%eth0")).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6("1:2:3:4:5:6:7:8:9")).toBeNull();
    expect(parseIpv6("1::2::3")).toBeNull();
    expect(addressProblem("::ffff:169.254.169.254")).toMatch(/IPv4-mapped/);
    expect(addressProblem("93.184.216.34")).toBeNull();
  });
});

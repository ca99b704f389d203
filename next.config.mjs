/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg"],
  experimental: {
    serverActions: {
      // A start_call_by_robot body is at most 12 KB; leave room for the envelope.
      bodySizeLimit: "64kb",
    },
  },
};

export default nextConfig;

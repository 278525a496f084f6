/**
 * Packaging with electron-builder (`npm run dist`, `dist:linux`, `dist:mac`, `dist:win`): Linux AppImage and
 * .deb, macOS .dmg (x64 and arm64), Windows NSIS installer. Electron's binary is downloaded at packaging time, so
 * this needs internet; build each platform on its own OS (npm installs only that platform's DuckDB binding).
 *
 * The package holds the built app (out/main, out/preload, out/renderer) and the production dependencies; the
 * DuckDB native binding is unpacked from the asar archive (a .node file cannot be loaded from inside it), and
 * only the target platform's binding is included. Fuses turn off what the app never uses (ELECTRON_RUN_AS_NODE,
 * NODE_OPTIONS, --inspect) and make Electron load only the app's own, integrity-checked asar.
 * tests/unit/packaging-config.test.ts checks what the package will hold.
 */
const otherBindings = (...platforms) => platforms.map((p) => `!node_modules/@duckdb/node-bindings-${p}-*{,/**}`);

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.pinsight.desktop',
  productName: 'Pinsight',
  copyright: 'Copyright © 2026 Pinsight',
  directories: { output: 'dist', buildResources: 'resources' },
  files: [
    'package.json',
    'out/main/index.js',
    'out/main/chunks/**',
    'out/preload/**',
    'out/renderer/**',
    '!**/*.map',
    '!**/{tests,test,__tests__,docs,src}/**',
    '!**/*.{ts,tsx,md}',
  ],
  asar: true,
  asarUnpack: ['node_modules/@duckdb/**'],
  // The DuckDB binding ships prebuilt in its npm package: nothing to compile.
  npmRebuild: false,
  buildDependenciesFromSource: false,
  fileAssociations: [
    {
      ext: ['pinsight', 'duckdb'],
      name: 'Pinsight workspace',
      description: 'Pinsight workspace (one DuckDB file)',
      role: 'Editor',
      mimeType: 'application/x-pinsight-workspace',
    },
  ],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'resources/icons',
    maintainer: 'Pinsight <hello@pinsight.invalid>',
    synopsis: 'Offline workbench for Pinterest Analytics exports and event dumps',
    files: otherBindings('darwin', 'win32'),
  },
  deb: { packageCategory: 'office' },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    icon: 'resources/icon.png',
    files: otherBindings('linux', 'win32'),
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.png',
    files: otherBindings('linux', 'darwin'),
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, createDesktopShortcut: true },
};

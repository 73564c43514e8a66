export function packedExecutable(context: {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): string;
export default function afterPack(context: unknown): Promise<void>;

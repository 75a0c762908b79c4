// Which files the server serves: `web.config` in any letter case and `web.<anything>.config` transforms.

import { URI, Utils } from 'vscode-uri';

const WEB_CONFIG_NAME = /^web(\.[^\\/]+)?\.config$/i;

export function isWebConfigFileName(fileName: string): boolean {
  return WEB_CONFIG_NAME.test(fileName);
}

export function isWebConfigUri(uri: string): boolean {
  try {
    return isWebConfigFileName(Utils.basename(URI.parse(uri)));
  } catch {
    return false;
  }
}

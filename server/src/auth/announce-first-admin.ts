/**
 * Prints the generated password of the first admin, once, where the person starting the record
 * reads it (the console); it is never stored in the clear and never shown again.
 */
export function announceFirstAdmin(
  generated: string | null,
  out: (line: string) => void = console.log,
): void {
  if (!generated) return;
  out('');
  out('  首个管理员账号已创建 / the first administrator account was created:');
  out(`    username: admin    password: ${generated}`);
  out('  只显示这一次，首次登录后须修改 / shown this once; it must be changed at the first sign-in.');
  out('  (set ADMIN_PASSWORD before the first start to choose it yourself)');
  out('');
}

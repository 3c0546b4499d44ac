export { openDatabase, journalMode, type Db, type VecStatus } from './connection.js';
export { migrate, readMigrations, MIGRATIONS_DIR, type Migration } from './migrations.js';
export { backupDatabase, listBackups, BACKUPS_KEPT, type BackupInfo } from './backup.js';
export { startDailyBackups } from './daily-backup.js';

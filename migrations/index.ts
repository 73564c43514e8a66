// Every migration, in order. A test checks that each file in this folder is listed here.
import m0001 from './0001_foundation';
import m0002 from './0002_cases';
import m0003 from './0003_family';
import m0004 from './0004_assessments';
import m0005 from './0005_plans';
import m0006 from './0006_reunification';
import m0007 from './0007_backup_anchor';
import m0008 from './0008_first_password_and_duplicate_flags';
import m0009 from './0009_fidelity';
import m0010 from './0010_transfer';
import m0011 from './0011_list_speed';
import m0012 from './0012_followup';
import m0013 from './0013_review';
import m0014 from './0014_conference';
import m0015 from './0015_services';
import m0016 from './0016_reports';
import m0017 from './0017_fidelity_practice';
import m0018 from './0018_speed';
import m0019 from './0019_services_speed';
import m0020 from './0020_conference_followup';
import m0021 from './0021_csi_guide';
import m0022 from './0022_report_facts';
import m0023 from './0023_referral_exchange';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015, m0016, m0017, m0018, m0019, m0020, m0021, m0022, m0023];
export const latestVersion = migrations[migrations.length - 1].version;
export type { Migration } from './types';

import { DatasetDetails } from '../lineage/DatasetDetails.js';
import { FieldDetails } from '../lineage/FieldDetails.js';
import { JobDetails } from '../lineage/JobDetails.js';
import { DatasetVersionDetails, JobVersionDetails } from '../lineage/VersionDetails.js';
import type { KindDetailsMap } from './types.js';

/** Details sections of the lineage kinds. */
export const KINDS: KindDetailsMap = {
  Dataset: DatasetDetails,
  DatasetVersion: DatasetVersionDetails,
  Field: FieldDetails,
  Job: JobDetails,
  JobVersion: JobVersionDetails,
};

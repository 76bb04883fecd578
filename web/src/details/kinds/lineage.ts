import { DatasetDetails } from '../lineage/DatasetDetails.js';
import { FieldDetails } from '../lineage/FieldDetails.js';
import { FeatureDetails, FeatureGroupDetails } from '../lineage/FeatureGroupDetails.js';
import { JobDetails } from '../lineage/JobDetails.js';
import { DatasetVersionDetails, JobVersionDetails } from '../lineage/VersionDetails.js';
import type { KindDetailsMap } from './types.js';

/** Details sections of the lineage kinds. */
export const KINDS: KindDetailsMap = {
  Dataset: DatasetDetails,
  DatasetVersion: DatasetVersionDetails,
  Field: FieldDetails,
  FeatureGroup: FeatureGroupDetails,
  Feature: FeatureDetails,
  Job: JobDetails,
  JobVersion: JobVersionDetails,
};

// @vitest-environment node
import { describe } from 'vitest';
import { describeFlowInThisEnvironment } from './environments.shared.js';

describe('under node', describeFlowInThisEnvironment);

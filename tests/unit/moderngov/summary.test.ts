import { describe, expect, it } from 'vitest';
import { CommitteeListRecordSchema } from '@/lib/moderngov/schema';
import { toolbarSummary } from '@/lib/moderngov/summary';
import { meeting } from '../../support/records';

describe('toolbarSummary', () => {
  it('marks every ModernGov page as recognised, with or without a count', () => {
    expect(toolbarSummary(meeting())).toMatchObject({ badge: '3', recognised: true });
    const committees = toolbarSummary(
      CommitteeListRecordSchema.parse({ kind: 'committee-list', council: { host: 'democracy.example.gov.uk', name: null }, url: 'https://democracy.example.gov.uk/mgWebService.asmx/GetCommittees', committees: [], warnings: [] }),
    );
    expect(committees).toEqual({ badge: '', title: 'ModernGov committee-list', recognised: true });
  });

  it('marks any other page as not recognised', () => {
    expect(toolbarSummary({ kind: null, reason: 'Not a ModernGov page.' })).toEqual({
      badge: '',
      title: 'Council Minutes: not a ModernGov meeting page',
      recognised: false,
    });
  });
});

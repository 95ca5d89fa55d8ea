/**
 * The domains the content script is declared on, so a council's ModernGov page is read with no
 * grant. Derived from evidence (each with an address where ModernGov pages were seen: live pages
 * found in public web text, `../shared/fixtures`, `../shared/docs/moderngov.md`).
 *
 * Whole domains where a pattern on them stays narrow: gov.wales, llyw.cymru, gov.scot and Civica's
 * moderngov.co.uk. gov.uk, org.uk, police.uk and .ie are public suffixes: Chrome counts a pattern
 * on all of their sites (`*.gov.uk`) as access to all websites and warns "Read and change all your
 * data on all websites" at install (checked with `management.getPermissionWarningsByManifest`), so
 * councils on gov.uk are listed by their own domain. Any other council is read after a toolbar
 * click (activeTab) or after its site is allowed from the panel.
 *
 * Each domain's evidence is a comment beside it: the list is bundled into the content script,
 * and comments cost it nothing.
 */
export const COUNCIL_DOMAINS: readonly string[] = [
  'moderngov.co.uk', // https://worcestershire.moderngov.co.uk/ieListDocuments.aspx?CId=147&MId=2453&Ver=4
  'gov.wales', // http://democracy.carmarthenshire.gov.wales/ieListDocuments.aspx?CId=193&MId=1534&Ver=4
  'llyw.cymru', // https://democratiaeth.ynysmon.llyw.cymru/ieListDocuments.aspx?CId=128&MId=1234&Ver=4&LLL=1
  // Scotland's government domain; no council's ModernGov page on it has been recorded yet (moderngov.md: "some Scottish" councils).
  'gov.scot', // no page recorded yet
  'southampton.gov.uk', // https://democracy.southampton.gov.uk/ieListDocuments.aspx?CId=600&MId=7105&Ver=4
  'manchester.gov.uk', // https://democracy.manchester.gov.uk/mgUserInfo.aspx?UID=192
  'gloucester.gov.uk', // https://democracy.gloucester.gov.uk/ieListDocuments.aspx?CId=129&MId=7600&Ver=4
  'kirklees.gov.uk', // https://democracy.kirklees.gov.uk/ieDecisionDetails.aspx?ID=13149
  'cityoflondon.gov.uk', // https://democracy.cityoflondon.gov.uk/modernGov/ieListDocuments.aspx?CId=174&MID=14000&Ver=4
  'surreycc.gov.uk', // https://mycouncil.surreycc.gov.uk/ieListDocuments.aspx?CId=120&MId=7970&Ver=4
  'siryfflint.gov.uk', // https://cyfarfodyddpwyllgor.siryfflint.gov.uk/ieListDocuments.aspx?CId=143&MeetingId=3878&LLL=1
  'ynysmon.gov.uk', // https://democratiaeth.ynysmon.gov.uk/CeListDocuments.aspx?CommitteeId=127&MeetingId=113&Ver=2
  'newport.gov.uk', // https://democratiaeth.newport.gov.uk/mgAi.aspx?ID=10144&LLL=1
  'durham.gov.uk', // https://democracy.durham.gov.uk/mgAi.aspx?ID=31264
  'oxfordshire.gov.uk', // https://mycouncil.oxfordshire.gov.uk/mgAi.aspx?ID=26854
  'herefordshire.gov.uk', // http://councillors.herefordshire.gov.uk/ieIssueDetails.aspx?IId=26171&Opt=3
  'huntingdonshire.gov.uk', // https://democracy.huntingdonshire.gov.uk/moderngov/ieIssueDetails.aspx?IId=41251&Opt=3
  'wiltshire.gov.uk', // https://cms.wiltshire.gov.uk/ieIssueDetails.aspx?IId=27961&Opt=3&PlanId=0
  'gravesham.gov.uk', // https://democracy.gravesham.gov.uk/ieDocHome.aspx?bcr=1
  'southwark.gov.uk', // http://moderngov.southwark.gov.uk/uuCoverPage.aspx?bcr=1
  'westberks.gov.uk', // https://decisionmaking.westberks.gov.uk
  'cityofworcester.gov.uk', // http://committee.cityofworcester.gov.uk/uuCoverPage.aspx?bcr=1
  // Seen in the live pages the style catalogue, the held-back pages and the topic set were built
  // from: each the address of a ModernGov page on the council's site, as recorded in a fixture's sources.
  'aberdeencity.gov.uk', // https://committees.aberdeencity.gov.uk/ieDecisionDetails.aspx?AIId=93954
  'argyll-bute.gov.uk', // https://argyll-bute.gov.uk/moderngov/ieListDocuments.aspx?CId=257&MID=5906
  'ashfield.gov.uk', // https://democracy.ashfield.gov.uk/ieIssueDetails.aspx?IId=22165&Opt=3
  'bathnes.gov.uk', // https://democracy.bathnes.gov.uk/mgDecisionDetails.aspx?IId=26175&Opt=1
  'belfastcity.gov.uk', // http://minutes.belfastcity.gov.uk/ieListDocuments.aspx?CId=277&MID=750
  'boston.gov.uk', // https://democracy.boston.gov.uk/ieDecisionDetails.aspx?ID=2358
  'brent.gov.uk', // http://democracy.brent.gov.uk/mgDelegatedDecisions.aspx?DR=03%2F09%2F2020-17%2F09%2F2020&RP=0&K=0&DM=0&HD=0&DS=2&Next=true&META=mgdelegateddecisions&V=1
  'bristol.gov.uk', // https://democracy.bristol.gov.uk/mgDecisionDetails.aspx?IId=44271&Opt=1
  'cambridge.gov.uk', // https://democracy.cambridge.gov.uk/ieListDocuments.aspx?CId=116&MId=4610
  'cambridgeshirepeterborough-ca.gov.uk', // https://democracy.cambridgeshirepeterborough-ca.gov.uk/ieIssueDetails.aspx?IId=870&Opt=3
  'ceredigion.gov.uk', // https://cyngor.ceredigion.gov.uk/mgAi.aspx?ID=3425&LLL=1
  'cheltenham.gov.uk', // https://democracy.cheltenham.gov.uk/mgDecisionDetails.aspx?IId=28664&Opt=1
  'cheshireeast.gov.uk', // https://moderngov.cheshireeast.gov.uk/ecminutes/ieIssueDetails.aspx?IId=16540&Opt=3&PlanId=0
  'chorley.gov.uk', // https://democracy.chorley.gov.uk/ieListDocuments.aspx?CId=843&MeetingId=5336
  'cotswold.gov.uk', // https://meetings.cotswold.gov.uk/ieListDocuments.aspx?CId=1136&MId=2287
  'coventry.gov.uk', // http://edemocracy.coventry.gov.uk/ieListDocuments.aspx?MId=11774
  'croydon.gov.uk', // https://democracy.croydon.gov.uk/ieDecisionDetails.aspx?ID=2223
  'darlington.gov.uk', // https://democracy.darlington.gov.uk/mgAi.aspx?ID=11573
  'dartford.gov.uk', // http://committeedmz.dartford.gov.uk/ieListDocuments.aspx?CId=299&MId=2926
  'devon.gov.uk', // https://democracy.devon.gov.uk/ieListDocuments.aspx?CId=133&MeetingId=5035
  'dsfire.gov.uk', // https://fireauthority.dsfire.gov.uk/ieListDocuments.aspx?CId=139&MId=655&Ver=4
  'eastherts.gov.uk', // http://democracy.eastherts.gov.uk/mgDecisionDetails.aspx?IId=19403&J=1&Opt=1
  'eastsussex.gov.uk', // https://democracy.eastsussex.gov.uk/mgDecisionDetails.aspx?IId=24563&Opt=1
  'edinburgh.gov.uk', // https://democracy.edinburgh.gov.uk/ieListDocuments.aspx?CId=150&MId=6476&Ver=4
  'enfield.gov.uk', // https://governance.enfield.gov.uk/ieListDocuments.aspx?CId=108&MID=4559
  'eppingforestdc.gov.uk', // https://rds.eppingforestdc.gov.uk/ieListDocuments.aspx?CId=296&MeetingId=5301
  'exeter.gov.uk', // https://committees.exeter.gov.uk/ieIssueDetails.aspx?IId=3158&Opt=3&PlanId=0
  'flintshire.gov.uk', // https://committeemeetings.flintshire.gov.uk/ieIssueDetails.aspx?IId=20724&Opt=3&PlanId=0
  'folkestone-hythe.gov.uk', // https://www.folkestone-hythe.gov.uk/moderngov/ieIssueDetails.aspx?IId=19600&PlanId=0&Opt=3
  'gateshead.gov.uk', // http://democracy.gateshead.gov.uk/ieIssueDetails.aspx?IId=18432&PlanId=0&Opt=3
  'gedling.gov.uk', // https://democracy.gedling.gov.uk/ieDecisionDetails.aspx?Id=651
  'greatermanchester-ca.gov.uk', // https://democracy.greatermanchester-ca.gov.uk/ieListDocuments.aspx?CId=136&MId=4420&Ver=4
  'guildford.gov.uk', // https://democracy.guildford.gov.uk/mgDecisionDetails.aspx?IId=10066&Opt=1
  'harlow.gov.uk', // https://moderngov.harlow.gov.uk/ieDecisionDetails.aspx?AIId=6035
  'harrow.gov.uk', // https://moderngov.harrow.gov.uk/ieListDocuments.aspx?CId=249&MeetingId=4617
  'havering.gov.uk', // https://democracy.havering.gov.uk/mgAi.aspx?ID=1412
  'hillingdon.gov.uk', // http://modgov.hillingdon.gov.uk/ieListDocuments.aspx?CId=115&MId=791&Ver=4
  'hinckley-bosworth.gov.uk', // https://moderngov.hinckley-bosworth.gov.uk/ieIssueDetails.aspx?IId=4638&Opt=3&PlanId=0
  'kent.gov.uk', // https://democracy.kent.gov.uk/ieIssueDetails.aspx?IId=15621&Opt=3
  'lancaster.gov.uk', // https://committeeadmin.lancaster.gov.uk/ieListDocuments.aspx?CId=297&MId=5903&Ver=4
  'lbbd.gov.uk', // https://modgov.lbbd.gov.uk/internet/mgDecisionDetails.aspx?IId=61665&Opt=1
  'lbhf.gov.uk', // https://democracy.lbhf.gov.uk/mgDecisionDetails.aspx?IId=73440&Opt=1
  'leeds.gov.uk', // https://democracy.leeds.gov.uk/mgAi.aspx?ID=5978
  'leicester.gov.uk', // https://cabinet.leicester.gov.uk/(S(t1fziw45wvh0zr45gujmstei))/ieListDocuments.aspx?CId=78&MId=925&Ver=4
  'leics.gov.uk', // https://democracy.leics.gov.uk/mgAi.aspx?ID=48971
  'lewisham.gov.uk', // http://councilmeetings.lewisham.gov.uk/ieDecisionDetails.aspx?Id=4475
  'london-fire.gov.uk', // http://moderngov.london-fire.gov.uk/ieListDocuments.aspx?CId=142&MId=466&Ver=4
  'medway.gov.uk', // https://democracy.medway.gov.uk/ieIssueDetails.aspx?IId=2236&Opt=3
  'melton.gov.uk', // https://democracy.melton.gov.uk/mgIssueHistoryHome.aspx?IId=8079
  'merseytravel.gov.uk', // https://moderngov.merseytravel.gov.uk/ieListDocuments.aspx?CId=364&MId=7018
  'merton.gov.uk', // http://democracy.merton.gov.uk/ieListDocuments.aspx?CId=146&MID=4376
  'monmouthshire.gov.uk', // https://democracy.monmouthshire.gov.uk/mgDecisionDetails.aspx?IId=24040&Opt=1
  'ne-derbyshire.gov.uk', // https://democracy.ne-derbyshire.gov.uk/mgDecisionDetails.aspx?IId=10259&Opt=1
  'newcastle-staffs.gov.uk', // http://moderngov.newcastle-staffs.gov.uk/mgDelegatedDecisions.aspx?&DR=13%2f04%2f2024-27%2f04%2f2024&RP=0&K=0&DM=0&HD=0&DS=2&Next=true&META=mgdelegateddecisions&V=1
  'north-herts.gov.uk', // https://democracy.north-herts.gov.uk/ieDecisionDetails.aspx?Id=6606
  'npt.gov.uk', // https://democracy.npt.gov.uk/mgAi.aspx?ID=12529
  'oldham.gov.uk', // https://committees.oldham.gov.uk/mgDelegatedDecisions.aspx?&DR=07%2F05%2F2025-21%2F05%2F2025&RP=0&K=0&DM=0&HD=0&DS=2&Next=true&META=mgdelegateddecisions&V=1
  'oxford.gov.uk', // http://mycouncil.oxford.gov.uk/ieListDocuments.aspx?CId=157&MId=1843&Ver=4
  'peakdistrict.gov.uk', // https://democracy.peakdistrict.gov.uk/mgAi.aspx?ID=17012
  'peterborough.gov.uk', // https://democracy.peterborough.gov.uk/mgIssueHistoryHome.aspx?IId=20440
  'reading.gov.uk', // https://democracy.reading.gov.uk/mgAi.aspx?ID=3262
  'redditchbc.gov.uk', // https://moderngovwebpublic.redditchbc.gov.uk/mgAi.aspx?ID=5500
  'rotherham.gov.uk', // https://moderngov.rotherham.gov.uk/ieListDocuments.aspx?CId=1103&MId=16173&Ver=4
  'sefton.gov.uk', // https://modgov.sefton.gov.uk/ieDecisionDetails.aspx?AIId=34651
  'sevenoaks.gov.uk', // https://cds.sevenoaks.gov.uk/mgAi.aspx?ID=10576
  'sholland.gov.uk', // https://democracy.sholland.gov.uk/ieDecisionDetails.aspx?Id=902
  'shropshire.gov.uk', // https://shropshire.gov.uk/committee-services/ieListDocuments.aspx?CId=130&MID=5029
  'slough.gov.uk', // https://democracy.slough.gov.uk/mgAi.aspx?ID=48281
  'somerset.gov.uk', // https://democracy.somerset.gov.uk/ieDecisionDetails.aspx?AIId=3854
  'southoxon.gov.uk', // http://democratic.southoxon.gov.uk/ieListDocuments.aspx?CId=121&MId=1491&Ver=4
  'spelthorne.gov.uk', // https://democracy.spelthorne.gov.uk/ieIssueDetails.aspx?IId=24649&Opt=3&PlanId=0
  'staffordshire.gov.uk', // http://moderngov.staffordshire.gov.uk/mgAi.aspx?ID=76127
  'stockport.gov.uk', // https://democracy.stockport.gov.uk/mgDelegatedDecisions.aspx?&RP=0&K=0&V=1&DM=0&HD=0&DS=2&Next=true&META=mgdelegateddecisions&DR=24%2f09%2f2022-08%2f10%2f2022
  'tamworth.gov.uk', // https://democracy.tamworth.gov.uk/ieListDocuments.aspx?CId=120&MID=4341
  'telford.gov.uk', // https://democracy.telford.gov.uk/ieListDocuments.aspx?CId=1207&MeetingId=2497
  'tendringdc.gov.uk', // https://tdcdemocracy.tendringdc.gov.uk/ieDecisionDetails.aspx?AIId=19479
  'threerivers.gov.uk', // https://moderngov.threerivers.gov.uk/mgAi.aspx?ID=9570
  'tmbc.gov.uk', // https://democracy.tmbc.gov.uk/ieListDocuments.aspx?CId=146&MID=4224
  'torbay.gov.uk', // https://www.torbay.gov.uk/DemocraticServices/ieIssueDetails.aspx?IId=29703&Opt=3
  'towerhamlets.gov.uk', // https://democracy.towerhamlets.gov.uk/ieListDocuments.aspx?CId=720&MId=15298&Ver=4
  'trafford.gov.uk', // http://democratic.trafford.gov.uk/ieListDocuments.aspx?CId=141&MId=3003&Ver=4
  'tunbridgewells.gov.uk', // https://democracy.tunbridgewells.gov.uk/mgDecisionDetails.aspx?IId=50025210&Opt=1
  'warwickshire.gov.uk', // https://democracy.warwickshire.gov.uk/ieListDocuments.aspx?MId=3646
  'waverley.gov.uk', // https://modgov.waverley.gov.uk/mgDecisionDetails.aspx?IId=18850&Opt=1
  'welhat.gov.uk', // http://democracy.welhat.gov.uk/mgAi.aspx?ID=3100
  'west-norfolk.gov.uk', // https://democracy.west-norfolk.gov.uk/ieDecisionDetails.aspx?ID=2882
  'wigan.gov.uk', // https://democracy.wigan.gov.uk/ieListDocuments.aspx?CId=130&MId=5510&a=1
  'winchester.gov.uk', // https://democracy.winchester.gov.uk/ieListDocuments.aspx?CId=136&MId=2390&Ver=4
];

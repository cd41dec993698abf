/** News agencies and wire services, as credited in datelines and footers. Lower case → display name. */
export const WIRE_AGENCIES: ReadonlyMap<string, string> = new Map(
  [
    'Reuters', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'Bloomberg', 'TASS', 'RIA Novosti', 'Interfax',
    'Xinhua', 'Anadolu Agency', 'Anadolu', 'UNN', 'Ukrinform', 'dpa', 'EFE', 'ANSA', 'Kyodo', 'Yonhap', 'PTI', 'IANS',
    'ANI', 'WAM', 'SPA', 'IRNA', 'Sputnik', 'RIA', 'BelTA', 'APA', 'Trend', 'Azertac', 'KUNA', 'QNA', 'MENA', 'Bernama',
    'Antara', 'CNA', 'UPI', 'PAP', 'CTK', 'MTI', 'BTA', 'Agerpres', 'Tanjug', 'HINA', 'LETA', 'BNS', 'ERR', 'Kazinform',
    'Fars', 'Tasnim', 'Mehr', 'ISNA', 'Yle', 'NTB', 'TT', 'Ritzau', 'Belga', 'ANP', 'APA-OTS', 'Lusa', 'Europa Press',
    'agencies', 'Agencies', 'news agencies', 'wire services', 'Ukrainska Pravda', 'Interfax-Ukraine', 'RBC-Ukraine',
  ].map((name) => [name.toLowerCase(), name]),
);

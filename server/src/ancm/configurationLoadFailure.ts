// What a request gets when ANCM fails to load its configuration (an unknown hostingModel, a missing processPath, a
// number std::stoi rejects). AspNetCore/applicationinfo.cpp catches the ConfigurationLoadException, logs event 1034
// and serves a ServerErrorApplication with status 500, substatus 0: so in every released ANCM V2 (ASP.NET Core 2.2
// onwards). A 500.30 answer for this case exists only as a proposed change to that file (dotnet/aspnetcore pull
// request 63000, not released), so messages name the released answer and the section's hover says which does which.
export const CONFIGURATION_LOAD_FAILURE_STATUS = 'HTTP 500.0';

export const CONFIGURATION_LOAD_FAILURE_VERSIONS =
  `Released ANCM V2 versions (ASP.NET Core 2.2 and later) answer a configuration load failure with ${CONFIGURATION_LOAD_FAILURE_STATUS} ` +
  'and event 1034; a proposed, unreleased change to ANCM (dotnet/aspnetcore pull request 63000) answers it with 500.30 instead.';

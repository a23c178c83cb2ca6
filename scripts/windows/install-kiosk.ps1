<#
.SYNOPSIS
    Installs (or, with -Uninstall, removes) the Jia County kiosk on a Windows terminal: the app as the
    kiosk account's shell (Shell Launcher), the sync agent as a Windows service that restarts itself.

.DESCRIPTION
    Run from an elevated PowerShell 5.1 or 7 on Windows 10/11 Enterprise, Education or IoT Enterprise
    (the editions that have Shell Launcher), with the kiosk bundle (dist\kiosk built on Windows with
    build.spec) copied to -BundleDir. Nothing is downloaded: every file comes from the bundle directory.

    What it does, each step only when it is not already so (running it again changes nothing):
      1. the data directory (-DataDir), readable and writable by the kiosk account and the agent's
         service account only (and Administrators, SYSTEM);
      2. `kiosk init` in it when it has no kiosk.toml yet (enroll afterwards, see the README);
      3. the local kiosk account (-KioskUser; created with -KioskPassword when missing);
      4. the Shell Launcher feature (Client-EmbeddedShellLauncher), then through its WMI provider
         (WESL_UserSetting, root\standardcimv2\embedded): Shell Launcher on, explorer.exe stays the
         shell of every other account (technicians, administrators), and the kiosk account's shell is
         `kiosk.exe --data-dir DIR run`, restarted whenever it exits;
      5. the agent service (-ServiceName): kiosk.exe does not speak the Service Control Manager's
         protocol, so WinSW (https://github.com/winsw/winsw, v2 or v3, x64) is its wrapper. The
         technician puts WinSW-x64.exe into the bundle directory beforehand (the offline install media
         carries it); the script copies it to <ServiceName>.exe, writes <ServiceName>.xml beside it,
         installs the service as NT AUTHORITY\LocalService, automatic (delayed) start, restarted on
         failure both by WinSW (the agent process) and by the Service Control Manager (the wrapper).

    -Uninstall stops and removes the service and the kiosk account's custom shell. The data
    directory, the kiosk account and the Shell Launcher feature are kept.

    Shell Launcher and the Windows feature need a restart the first time they are turned on; the
    script says so. The kiosk account must sign in (automatic sign-in, -AutoLogon) for the app to start.

.EXAMPLE
    .\install-kiosk.ps1 -BundleDir 'C:\Program Files\JiaxianKiosk' -KioskPassword (Read-Host -AsSecureString) -AutoLogon
.EXAMPLE
    .\install-kiosk.ps1 -Uninstall
#>
[CmdletBinding()]
param(
    [string]$BundleDir = (Join-Path $env:ProgramFiles 'JiaxianKiosk'),
    [string]$DataDir = (Join-Path $env:ProgramData 'JiaxianKiosk'),
    [string]$KioskUser = 'kiosk',
    [securestring]$KioskPassword,
    [string]$ServiceName = 'JiaxianKioskAgent',
    [string]$WinSW = 'WinSW-x64.exe',
    [switch]$AutoLogon,
    [switch]$Uninstall
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$Namespace = 'root\standardcimv2\embedded'
$RestartShell = 0   # WESL_UserSetting actions: 0 restart the shell, 1 restart, 2 shut down, 3 nothing

function Say([string]$Text) { Write-Host "install-kiosk: $Text" }
function Fail([string]$Text, [string]$Hint) {
    Write-Error "install-kiosk: $Text`n  what to do: $Hint" -ErrorAction Continue
    exit 1
}

function Assert-Administrator {
    $principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
    if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
        Fail 'this script changes the shell, accounts and services of this computer' 'run it from an elevated PowerShell (Run as administrator)'
    }
}

function Get-KioskSid {
    $user = Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue
    if ($null -eq $user) { return $null }
    return $user.SID.Value
}

function Install-Account {
    if (Get-KioskSid) { Say "account ${KioskUser}: present"; return }
    if ($null -eq $KioskPassword) {
        Fail "there is no local account '$KioskUser'" 'pass -KioskPassword (Read-Host -AsSecureString) to create it, or create it yourself'
    }
    New-LocalUser -Name $KioskUser -Password $KioskPassword -PasswordNeverExpires -UserMayNotChangePassword `
        -Description 'Jia County kiosk: its shell is the kiosk app' | Out-Null
    Add-LocalGroupMember -SID 'S-1-5-32-545' -Member $KioskUser   # Users
    Say "account ${KioskUser}: created"
}

function Install-DataDir {
    if (-not (Test-Path $DataDir)) { New-Item -ItemType Directory -Path $DataDir | Out-Null; Say "created $DataDir" }
    # Owner-and-group only, as on Linux: no inherited rights, full control for SYSTEM and Administrators,
    # modify for the kiosk account and the agent's service account (LocalService, S-1-5-19).
    $acl = New-Object Security.AccessControl.DirectorySecurity
    $acl.SetAccessRuleProtection($true, $false)
    $inherit = [Security.AccessControl.InheritanceFlags]'ContainerInherit, ObjectInherit'
    $none = [Security.AccessControl.PropagationFlags]::None
    foreach ($entry in @(@('S-1-5-18', 'FullControl'), @('S-1-5-32-544', 'FullControl'),
                         @((Get-KioskSid), 'Modify'), @('S-1-5-19', 'Modify'))) {
        $sid = New-Object Security.Principal.SecurityIdentifier($entry[0])
        $rule = New-Object Security.AccessControl.FileSystemAccessRule($sid, $entry[1], $inherit, $none, 'Allow')
        $acl.AddAccessRule($rule)
    }
    $current = (Get-Acl -Path $DataDir).GetSecurityDescriptorSddlForm('Access')
    if ($current -ne $acl.GetSecurityDescriptorSddlForm('Access')) {
        Set-Acl -Path $DataDir -AclObject $acl
        Say "${DataDir}: access limited to the kiosk, the agent, SYSTEM and Administrators"
    }
    if (-not (Test-Path (Join-Path $DataDir 'kiosk.toml'))) {
        & $KioskExe --data-dir $DataDir init
        if ($LASTEXITCODE -ne 0) { Fail "kiosk init failed in $DataDir (above)" 'fix what it names, then run this script again' }
    }
}

function Enable-ShellLauncher {
    $feature = $null
    try { $feature = Get-WindowsOptionalFeature -Online -FeatureName 'Client-EmbeddedShellLauncher' } catch { }
    if ($null -eq $feature) {
        Fail 'this edition of Windows has no Shell Launcher' 'use Windows 10/11 Enterprise, Education or IoT Enterprise'
    }
    if ($feature.State -ne 'Enabled') {
        $result = Enable-WindowsOptionalFeature -Online -FeatureName 'Client-EmbeddedShellLauncher' -All -NoRestart
        Say 'Shell Launcher feature enabled'
        if ($result.RestartNeeded) {
            Say 'Windows must restart before Shell Launcher can be set up: restart, then run this script again'
            exit 3010
        }
    }
    $enabled = Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName IsEnabled
    if (-not $enabled.Enabled) {
        Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName SetEnabled -Arguments @{ Enabled = $true } | Out-Null
        Say 'Shell Launcher turned on'
    }
}

function Set-KioskShell {
    # Every account other than the kiosk's keeps Explorer, so a technician can still sign in and service the terminal.
    $default = Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName GetDefaultShell
    if ($default.Shell -ne 'explorer.exe') {
        Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName SetDefaultShell `
            -Arguments @{ Shell = 'explorer.exe'; DefaultAction = $RestartShell } | Out-Null
    }
    $sid = Get-KioskSid
    $shell = "`"$KioskExe`" --data-dir `"$DataDir`" run"
    $existing = Get-CimInstance -Namespace $Namespace -ClassName WESL_UserSetting -Filter "Sid = '$sid'"
    if ($null -ne $existing -and $existing.Shell -eq $shell -and $existing.DefaultAction -eq $RestartShell) {
        Say "shell of ${KioskUser}: unchanged"
        return
    }
    if ($null -ne $existing) {
        Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName RemoveCustomShell -Arguments @{ Sid = $sid } | Out-Null
    }
    Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName SetCustomShell `
        -Arguments @{ Sid = $sid; Shell = $shell; DefaultAction = $RestartShell } | Out-Null
    Say "shell of ${KioskUser}: $shell (restarted whenever it exits)"
}

function Set-AutoLogon {
    # Windows' own automatic sign-in (Winlogon); the password is stored by Windows in the registry,
    # which is why the kiosk account is a plain local user with no rights beyond the data directory.
    $key = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
    if ($null -eq $KioskPassword) { Fail '-AutoLogon needs the kiosk account password' 'pass -KioskPassword (Read-Host -AsSecureString)' }
    $plain = [Runtime.InteropServices.Marshal]::PtrToStringAuto([Runtime.InteropServices.Marshal]::SecureStringToBSTR($KioskPassword))
    Set-ItemProperty -Path $key -Name AutoAdminLogon -Value '1'
    Set-ItemProperty -Path $key -Name DefaultUserName -Value $KioskUser
    Set-ItemProperty -Path $key -Name DefaultDomainName -Value $env:COMPUTERNAME
    Set-ItemProperty -Path $key -Name DefaultPassword -Value $plain
    Say "automatic sign-in as $KioskUser"
}

function Get-ServiceXml {
    return @"
<!-- Written by install-kiosk.ps1; run it again rather than editing this file. -->
<service>
  <id>$ServiceName</id>
  <name>Jia County kiosk sync agent</name>
  <description>Pushes the kiosk's records to the county platform and pulls its approvals (kiosk sync).</description>
  <executable>$KioskExe</executable>
  <arguments>--data-dir "$DataDir" sync</arguments>
  <env name="KIOSK_HOME" value="$DataDir"/>
  <workingdirectory>$DataDir</workingdirectory>
  <startmode>Automatic</startmode>
  <delayedAutoStart>true</delayedAutoStart>
  <onfailure action="restart" delay="10 sec"/>
  <onfailure action="restart" delay="30 sec"/>
  <onfailure action="restart" delay="60 sec"/>
  <resetfailure>1 hour</resetfailure>
  <stoptimeout>15 sec</stoptimeout>
  <logpath>$DataDir\logs</logpath>
  <log mode="roll-by-size">
    <sizeThreshold>1024</sizeThreshold>
    <keepFiles>5</keepFiles>
  </log>
</service>
"@
}

function Install-AgentService {
    $source = Join-Path $BundleDir $WinSW
    $wrapper = Join-Path $BundleDir "$ServiceName.exe"
    $xml = Join-Path $BundleDir "$ServiceName.xml"
    if (-not (Test-Path $wrapper)) {
        if (-not (Test-Path $source)) {
            Fail "the service wrapper $source is missing (nothing is downloaded by this script)" `
                'copy WinSW-x64.exe from the offline install media (or https://github.com/winsw/winsw/releases) into the bundle directory, then run this script again'
        }
        Copy-Item -Path $source -Destination $wrapper
        Say "service wrapper $wrapper (SHA-256 $((Get-FileHash $wrapper).Hash): compare with the WinSW release page)"
    }
    $text = Get-ServiceXml
    $changed = -not (Test-Path $xml) -or ((Get-Content -Raw -Path $xml) -ne $text)
    if ($changed) { Set-Content -Path $xml -Value $text -Encoding UTF8 -NoNewline }
    $service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
    if ($null -eq $service) {
        & $wrapper install
        if ($LASTEXITCODE -ne 0) { Fail "'$wrapper install' failed (above)" "see $DataDir\logs and the System event log" }
        Say "service $ServiceName installed"
    } elseif ($changed) {
        & $wrapper stop | Out-Null
        & $wrapper refresh
        Say "service $ServiceName updated"
    }
    # The Service Control Manager restarts the wrapper itself if it dies; the agent runs unprivileged.
    $wmi = Get-CimInstance -ClassName Win32_Service -Filter "Name = '$ServiceName'"
    if ($wmi.StartName -ne 'NT AUTHORITY\LocalService') {
        Invoke-CimMethod -InputObject $wmi -MethodName Change `
            -Arguments @{ StartName = 'NT AUTHORITY\LocalService'; StartPassword = '' } | Out-Null
    }
    & sc.exe failure $ServiceName reset= 3600 actions= restart/10000/restart/30000/restart/60000 | Out-Null
    & sc.exe failureflag $ServiceName 1 | Out-Null
    if ((Get-Service -Name $ServiceName).Status -ne 'Running') {
        Start-Service -Name $ServiceName
        Say "service $ServiceName started"
    }
}

function Uninstall-All {
    $wrapper = Join-Path $BundleDir "$ServiceName.exe"
    if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
        Stop-Service -Name $ServiceName -ErrorAction SilentlyContinue
        if (Test-Path $wrapper) { & $wrapper uninstall } else { & sc.exe delete $ServiceName | Out-Null }
        Say "service $ServiceName removed"
    }
    foreach ($file in @($wrapper, (Join-Path $BundleDir "$ServiceName.xml"))) {
        if (Test-Path $file) { Remove-Item -Path $file }
    }
    $sid = Get-KioskSid
    if ($sid -and (Get-CimInstance -Namespace $Namespace -ClassName WESL_UserSetting -Filter "Sid = '$sid'" -ErrorAction SilentlyContinue)) {
        Invoke-CimMethod -Namespace $Namespace -ClassName WESL_UserSetting -MethodName RemoveCustomShell -Arguments @{ Sid = $sid } | Out-Null
        Say "shell of ${KioskUser}: back to the default"
    }
    $key = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'
    $winlogon = Get-ItemProperty -Path $key -ErrorAction SilentlyContinue
    if ($winlogon -and $winlogon.PSObject.Properties['DefaultUserName'] -and $winlogon.DefaultUserName -eq $KioskUser) {
        Set-ItemProperty -Path $key -Name AutoAdminLogon -Value '0'
        Remove-ItemProperty -Path $key -Name DefaultPassword -ErrorAction SilentlyContinue
        Say 'automatic sign-in turned off'
    }
    Say "kept: $DataDir (the kiosk's data and keys), the account $KioskUser and the Shell Launcher feature"
}

Assert-Administrator
$KioskExe = Join-Path $BundleDir 'kiosk.exe'
if ($Uninstall) { Uninstall-All; exit 0 }
if (-not (Test-Path $KioskExe)) {
    Fail "no kiosk.exe in $BundleDir" 'copy the Windows bundle (dist\kiosk) there, or pass -BundleDir'
}
Install-Account
Install-DataDir
Enable-ShellLauncher
Set-KioskShell
if ($AutoLogon) { Set-AutoLogon }
Install-AgentService
Say 'done; sign in as the kiosk account (or restart) to start the app'

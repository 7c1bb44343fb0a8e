@echo off
rem The wasmvm command: runs the jar in ..\lib with %JAVA_HOME%\bin\java, else the java on the PATH
rem (Java 17 or later). JAVA_OPTS goes to the JVM, e.g. set JAVA_OPTS=-Xmx4g
rem The JVM gets the serial collector unless JAVA_OPTS names one (docs/performance.md); the AOT
rem cache that bin/wasmvm keeps on Java 25 and later is not done here yet, nor its JIT directive as a
rem flag (wasmvm adds that directive itself, through the management classes).
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
set "COLLECTOR=-XX:+UseSerialGC"
echo.%JAVA_OPTS% | findstr /R /C:"-XX:+Use[A-Za-z]*GC" >nul && set "COLLECTOR="
"%JAVA%" %COLLECTOR% %JAVA_OPTS% -jar "%~dp0..\lib\wasmvm.jar" %*
exit /b %ERRORLEVEL%

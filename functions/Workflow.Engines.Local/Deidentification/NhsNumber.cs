namespace Workflow.Engines.Local.Deidentification;

/// <summary>The NHS number check digit (modulus 11), which separates NHS numbers from other ten-digit runs.</summary>
public static class NhsNumber
{
    /// <summary>True when <paramref name="digits"/> is ten digits whose last is the valid check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i])) return false;
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && char.IsAsciiDigit(digits[9]) && digits[9] - '0' == check;
    }
}
